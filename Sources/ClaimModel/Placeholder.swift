// ClaimModel
