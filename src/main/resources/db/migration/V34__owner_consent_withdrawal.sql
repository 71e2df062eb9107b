-- An owner may withdraw, on the answer page, the consent to be contacted given with an answer: the phone and
-- the e-mail of every answer of the code are erased, and the moment is kept so that agents read
-- « Consentement retiré le JJ/MM/AAAA » instead of the details (the rest of the answer stays).
alter table owner_answer add column consent_withdrawn_at timestamptz;
