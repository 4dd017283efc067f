// ClaimReport
