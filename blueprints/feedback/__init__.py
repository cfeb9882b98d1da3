"""Questions and feedback from citizens ("Hỏi đáp", "Góp ý"): a public form with a tracking code,
the board's inbox with assignment, internal notes, answers and deadlines in working days, the
public Q&A and its record, and the erasure of askers' personal data after a set time."""
