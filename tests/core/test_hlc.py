from qunzhong_desktop.core.hlc import Hlc, receive, tick


def test_tick_never_goes_back() -> None:
    last = Hlc(1000, 0, "a")
    assert tick(last, 2000) == Hlc(2000, 0, "a")
    assert tick(last, 500) == Hlc(1000, 1, "a")  # wall clock went back


def test_receive_advances_past_remote() -> None:
    local = Hlc(1000, 3, "a")
    remote = Hlc(5000, 7, "b")
    after = receive(local, remote, 2000)
    assert after > Hlc(5000, 7, "a")
    assert after.node == "a"


def test_encoding_sorts_as_time() -> None:
    readings = [Hlc(10, 2, "n"), Hlc(9, 99, "n"), Hlc(10**12, 0, "n")]
    assert sorted(r.encode() for r in readings) == [r.encode() for r in sorted(readings)]
    assert Hlc.decode(Hlc(12, 3, "x-y").encode()) == Hlc(12, 3, "x-y")
