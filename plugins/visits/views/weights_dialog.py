"""HQ sets how much each figure counts in the staff scorecard's overall score."""

from __future__ import annotations

from app.ui.form_dialog import FormDialog
from plugins.visits import service


class WeightsDialog(FormDialog):
    def __init__(self, ctx, weights: dict[str, int], parent=None):
        super().__init__(self.tr("Scorecard weights"), parent, min_width=460,
                         intro=self.tr("How much each figure counts in the overall score, in percent. The weights "
                                       "add up to 100 %; a weight of 0 leaves the figure out."))
        self.ctx = ctx
        for measure in service.WEIGHTED:
            spin = self.add_spin(measure, service.measure_label(measure), weights.get(measure, 0), maximum=100,
                                 suffix=" %")
            spin.valueChanged.connect(self._show_total)
        self.total = self.add_info("total", label=self.tr("Total"))
        self._show_total()

    def weights(self) -> dict[str, int]:
        return {measure: self.value(measure) for measure in service.WEIGHTED}

    def _show_total(self, *_):
        self.total.setText(f"{sum(self.weights().values())} %")

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            service.set_scorecard_weights(session, self.ctx.actor, self.weights())
