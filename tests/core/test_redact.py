from qunzhong_desktop.core.redact import redact
from tests.helpers.roster_builder import make_id


def test_numbers_are_masked_and_the_rest_stays() -> None:
    id_number = make_id("19580301", "021")
    line = f"保存失败：身份证 {id_number}，电话 13912345678，座机 0731-84561234，户号 0012，2026 年"
    out = redact(line)
    assert id_number not in out and "13912345678" not in out and "84561234" not in out
    assert f"{id_number[:6]}********{id_number[-4:]}" in out and "139****5678" in out
    assert "户号 0012" in out and "2026 年" in out
    assert redact("uuid 01a23735-02b3-708f-a710-74305632ba3d") == (
        "uuid 01a23735-02b3-708f-a710-74305632ba3d"
    )
