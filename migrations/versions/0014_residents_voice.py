"""residents' voice and judgement (issue 18): evaluations, 民情 meetings and information, 信访

Station-owned tables that travel to the township: evaluation_round and evaluation_tally
(民意测评), mass_meeting and meeting_topic (民情恳谈会, 民情分析会), mass_info and info_group
(民情信息, answered once for a group). The township's own (captured, never sent to a
station): duty_day and reception (信访值周, 接访登记), promotion_survey and survey_answer.
Items gain petition, petition_form and petition_reach ('' when not a 信访); the columns are
added in place (no table copy), so 0013's triggers on intake_item stay.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "duty_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("member", sa.String(length=50), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_day")),
    )
    with op.batch_alter_table("duty_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_day_day"), ["day"], unique=False)

    op.create_table(
        "evaluation_round",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("villages", sa.JSON(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("ballots_issued", sa.Integer(), nullable=False),
        sa.Column("ballots_returned", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_round")),
    )
    with op.batch_alter_table("evaluation_round", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_round_held_on"), ["held_on"], unique=False)

    op.create_table(
        "info_group",
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("topic", sa.String(length=8), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("answered_by", sa.String(length=50), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("followed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_info_group")),
    )
    op.create_table(
        "mass_meeting",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("host", sa.String(length=50), nullable=False),
        sa.Column("attendance", sa.Integer(), nullable=False),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mass_meeting")),
    )
    with op.batch_alter_table("mass_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mass_meeting_held_on"), ["held_on"], unique=False)

    op.create_table(
        "evaluation_tally",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("rated", sa.String(length=8), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("cadre_id", sa.String(length=36), nullable=True),
        sa.Column("satisfied", sa.Integer(), nullable=False),
        sa.Column("fair", sa.Integer(), nullable=False),
        sa.Column("unsatisfied", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cadre_id"], ["cadre.id"], name=op.f("fk_evaluation_tally_cadre_id_cadre")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["evaluation_round.id"],
            name=op.f("fk_evaluation_tally_round_id_evaluation_round"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_tally")),
    )
    with op.batch_alter_table("evaluation_tally", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_tally_cadre_id"), ["cadre_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evaluation_tally_round_id"), ["round_id"], unique=False
        )

    op.create_table(
        "promotion_survey",
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cadre_id"], ["cadre.id"], name=op.f("fk_promotion_survey_cadre_id_cadre")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotion_survey")),
    )
    with op.batch_alter_table("promotion_survey", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_promotion_survey_cadre_id"), ["cadre_id"], unique=False
        )

    op.create_table(
        "survey_answer",
        sa.Column("survey_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_survey_answer_household_id_household")
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["promotion_survey.id"],
            name=op.f("fk_survey_answer_survey_id_promotion_survey"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answer")),
    )
    with op.batch_alter_table("survey_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_answer_survey_id"), ["survey_id"], unique=False)

    op.create_table(
        "mass_info",
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("reporter", sa.String(length=50), nullable=False),
        sa.Column("topic", sa.String(length=8), nullable=False),
        sa.Column("info_type", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("household_ids", sa.JSON(), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("item_id", sa.String(length=36), nullable=True),
        sa.Column("group_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["info_group.id"], name=op.f("fk_mass_info_group_id_info_group")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["intake_item.id"], name=op.f("fk_mass_info_item_id_intake_item")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["mass_meeting.id"], name=op.f("fk_mass_info_meeting_id_mass_meeting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mass_info")),
    )
    with op.batch_alter_table("mass_info", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mass_info_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mass_info_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mass_info_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mass_info_received_on"), ["received_on"], unique=False)

    op.create_table(
        "reception",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("member", sa.String(length=50), nullable=False),
        sa.Column("visitors", sa.Integer(), nullable=False),
        sa.Column("matter", sa.Text(), nullable=False),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("handling", sa.Text(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["intake_item.id"], name=op.f("fk_reception_item_id_intake_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reception")),
    )
    with op.batch_alter_table("reception", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reception_day"), ["day"], unique=False)

    op.create_table(
        "meeting_topic",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raised_by", sa.String(length=50), nullable=False),
        sa.Column("owner", sa.String(length=50), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=True),
        sa.Column("info_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["info_id"], ["mass_info.id"], name=op.f("fk_meeting_topic_info_id_mass_info")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["intake_item.id"], name=op.f("fk_meeting_topic_item_id_intake_item")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["mass_meeting.id"],
            name=op.f("fk_meeting_topic_meeting_id_mass_meeting"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_topic")),
    )
    with op.batch_alter_table("meeting_topic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_topic_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meeting_topic_meeting_id"), ["meeting_id"], unique=False
        )

    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("petition", sa.String(length=8), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("petition_form", sa.String(length=4), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("petition_reach", sa.String(length=4), server_default="", nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_intake_item_petition"), ["petition"], unique=False)


def downgrade() -> None:
    # dropping a column copies the table on SQLite, and the copy loses 0013's triggers on it:
    # they are read first and made again after
    bind = op.get_bind()
    triggers: list[str] = []
    if bind.dialect.name == "sqlite":
        triggers = list(
            bind.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'intake_item'"
            ).scalars()
        )
    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_item_petition"))
        batch_op.drop_column("petition_reach")
        batch_op.drop_column("petition_form")
        batch_op.drop_column("petition")
    for sql in triggers:
        bind.exec_driver_sql(sql)

    with op.batch_alter_table("meeting_topic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_topic_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_topic_item_id"))

    op.drop_table("meeting_topic")
    with op.batch_alter_table("reception", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reception_day"))

    op.drop_table("reception")
    with op.batch_alter_table("mass_info", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mass_info_received_on"))
        batch_op.drop_index(batch_op.f("ix_mass_info_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_mass_info_item_id"))
        batch_op.drop_index(batch_op.f("ix_mass_info_group_id"))

    op.drop_table("mass_info")
    with op.batch_alter_table("survey_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_answer_survey_id"))

    op.drop_table("survey_answer")
    with op.batch_alter_table("promotion_survey", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promotion_survey_cadre_id"))

    op.drop_table("promotion_survey")
    with op.batch_alter_table("evaluation_tally", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_tally_round_id"))
        batch_op.drop_index(batch_op.f("ix_evaluation_tally_cadre_id"))

    op.drop_table("evaluation_tally")
    with op.batch_alter_table("mass_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mass_meeting_held_on"))

    op.drop_table("mass_meeting")
    op.drop_table("info_group")
    with op.batch_alter_table("evaluation_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_round_held_on"))

    op.drop_table("evaluation_round")
    with op.batch_alter_table("duty_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duty_day_day"))

    op.drop_table("duty_day")
