"""follow-up calls as phone work: attempts, surveys per category, answers, corrective actions

A follow-up task now keeps the close it follows (unique per ticket and close), the ticket's
category and engineer, and the number of calls tried. Existing tasks were due exactly two days
after their close, so their close is recovered from the due time.

Revision ID: c41f0a7d2e11
Revises: ba337fd9c1c2
Create Date: 2026-12-14 09:00:00
"""
from datetime import timedelta

from alembic import op
import sqlalchemy as sa
import app.db.types


revision = 'c41f0a7d2e11'
down_revision = 'ba337fd9c1c2'
branch_labels = None
depends_on = None

FOLLOW_UP_DELAY = timedelta(days=2)  # as the tasks before this revision were scheduled


def _synced_columns():
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('org_id', sa.Uuid(), nullable=False),
        sa.Column('created_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('deleted_at', app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('row_version', sa.BigInteger(), nullable=False),
        sa.Column('sync_seq', sa.BigInteger(), nullable=True),
    ]


def _indexes(table: str, columns: list[str]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def _drop_indexes(table: str, columns: list[str]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in reversed(columns):
            batch_op.drop_index(batch_op.f(f'ix_{table}_{column}'))


def _recover_closes() -> None:
    calls = sa.table('visits_follow_up_calls', sa.column('id', sa.Uuid()),
                     sa.column('due_at', app.db.types.UTCDateTime(timezone=True)),
                     sa.column('closed_at', app.db.types.UTCDateTime(timezone=True)))
    bind = op.get_bind()
    rows = [{'call_id': call_id, 'closed': due_at - FOLLOW_UP_DELAY}
            for call_id, due_at in bind.execute(sa.select(calls.c.id, calls.c.due_at))]
    if rows:
        bind.execute(calls.update().where(calls.c.id == sa.bindparam('call_id'))
                     .values(closed_at=sa.bindparam('closed')), rows)


def upgrade() -> None:
    with op.batch_alter_table('visits_follow_up_calls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category', sa.String(length=32), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('engineer_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('closed_at', app.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('survey_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_at', app.db.types.UTCDateTime(timezone=True), nullable=True))
    _recover_closes()
    with op.batch_alter_table('visits_follow_up_calls', schema=None) as batch_op:
        batch_op.alter_column('closed_at', existing_type=app.db.types.UTCDateTime(timezone=True), nullable=False)
        batch_op.create_index(batch_op.f('ix_visits_follow_up_calls_engineer_id'), ['engineer_id'], unique=False)
        batch_op.create_unique_constraint('ticket_close', ['ticket_id', 'closed_at'])

    op.create_table('visits_surveys',
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('published_by', sa.Uuid(), nullable=True),
    *_synced_columns(),
    sa.ForeignKeyConstraint(['org_id'], ['core_org_units.id'], name=op.f('fk_visits_surveys_org_id_core_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits_surveys')),
    sa.UniqueConstraint('category', 'version', name='category_version')
    )
    _indexes('visits_surveys', ['org_id', 'sync_seq'])

    op.create_table('visits_survey_questions',
    sa.Column('survey_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('options', sa.JSON(), nullable=True),
    sa.Column('fixed', sa.Boolean(), nullable=False),
    *_synced_columns(),
    sa.ForeignKeyConstraint(['org_id'], ['core_org_units.id'],
                            name=op.f('fk_visits_survey_questions_org_id_core_org_units')),
    sa.ForeignKeyConstraint(['survey_id'], ['visits_surveys.id'],
                            name=op.f('fk_visits_survey_questions_survey_id_visits_surveys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits_survey_questions')),
    sa.UniqueConstraint('survey_id', 'code', name='survey_code')
    )
    _indexes('visits_survey_questions', ['org_id', 'survey_id', 'sync_seq'])

    op.create_table('visits_call_attempts',
    sa.Column('call_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('called_by', sa.Uuid(), nullable=True),
    sa.Column('called_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('unsolved_action', sa.String(length=16), nullable=False),
    sa.Column('unsolved_reason', sa.Text(), nullable=False),
    sa.Column('linked_ticket_id', sa.Uuid(), nullable=True),
    sa.Column('linked_ticket_number', sa.String(length=48), nullable=False),
    *_synced_columns(),
    sa.ForeignKeyConstraint(['call_id'], ['visits_follow_up_calls.id'],
                            name=op.f('fk_visits_call_attempts_call_id_visits_follow_up_calls')),
    sa.ForeignKeyConstraint(['org_id'], ['core_org_units.id'],
                            name=op.f('fk_visits_call_attempts_org_id_core_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits_call_attempts'))
    )
    _indexes('visits_call_attempts', ['call_id', 'org_id', 'sync_seq'])

    op.create_table('visits_survey_answers',
    sa.Column('call_id', sa.Uuid(), nullable=False),
    sa.Column('survey_id', sa.Uuid(), nullable=False),
    sa.Column('question_code', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    *_synced_columns(),
    sa.ForeignKeyConstraint(['call_id'], ['visits_follow_up_calls.id'],
                            name=op.f('fk_visits_survey_answers_call_id_visits_follow_up_calls')),
    sa.ForeignKeyConstraint(['org_id'], ['core_org_units.id'],
                            name=op.f('fk_visits_survey_answers_org_id_core_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits_survey_answers'))
    )
    _indexes('visits_survey_answers', ['call_id', 'org_id', 'sync_seq'])

    op.create_table('visits_corrective_actions',
    sa.Column('call_id', sa.Uuid(), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('ticket_number', sa.String(length=48), nullable=False),
    sa.Column('engineer_id', sa.Uuid(), nullable=True),
    sa.Column('owner_id', sa.Uuid(), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('opened_by', sa.Uuid(), nullable=True),
    sa.Column('opened_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', app.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.Uuid(), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=False),
    *_synced_columns(),
    sa.ForeignKeyConstraint(['call_id'], ['visits_follow_up_calls.id'],
                            name=op.f('fk_visits_corrective_actions_call_id_visits_follow_up_calls')),
    sa.ForeignKeyConstraint(['org_id'], ['core_org_units.id'],
                            name=op.f('fk_visits_corrective_actions_org_id_core_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits_corrective_actions'))
    )
    _indexes('visits_corrective_actions', ['call_id', 'engineer_id', 'org_id', 'owner_id', 'sync_seq', 'ticket_id'])


def downgrade() -> None:
    _drop_indexes('visits_corrective_actions', ['call_id', 'engineer_id', 'org_id', 'owner_id', 'sync_seq',
                                                'ticket_id'])
    op.drop_table('visits_corrective_actions')
    _drop_indexes('visits_survey_answers', ['call_id', 'org_id', 'sync_seq'])
    op.drop_table('visits_survey_answers')
    _drop_indexes('visits_call_attempts', ['call_id', 'org_id', 'sync_seq'])
    op.drop_table('visits_call_attempts')
    _drop_indexes('visits_survey_questions', ['org_id', 'survey_id', 'sync_seq'])
    op.drop_table('visits_survey_questions')
    _drop_indexes('visits_surveys', ['org_id', 'sync_seq'])
    op.drop_table('visits_surveys')
    with op.batch_alter_table('visits_follow_up_calls', schema=None) as batch_op:
        batch_op.drop_constraint('ticket_close', type_='unique')
        batch_op.drop_index(batch_op.f('ix_visits_follow_up_calls_engineer_id'))
        batch_op.drop_column('withdrawn_at')
        batch_op.drop_column('survey_id')
        batch_op.drop_column('attempts')
        batch_op.drop_column('closed_at')
        batch_op.drop_column('engineer_id')
        batch_op.drop_column('category')
