//! The report: counts per kind, operator, decision, dropped records with reason. Never an
//! original value. (Stub: lands with the anonymiser work.)
