package accounttests

// Positive: "latest" only ends in "test".
func latestAdmin(s *Store) {
	_ = s.SaveUser(&Account{Username: "admin", Password: "admin"}) // want `default account credentials \(user "admin"\): an account created by SaveUser`
}
