// ClaimLedger
