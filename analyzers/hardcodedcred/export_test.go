package hardcodedcred

// ResetFlagsForTest restores the analyzer's options to their defaults.
func ResetFlagsForTest() {
	minEntropy = defaultMinEntropy
	secretNames = nameList{}
	placeholders = regexpList{}
}
