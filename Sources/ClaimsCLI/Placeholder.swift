// ClaimsCLI
