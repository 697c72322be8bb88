package accounttests

// Near misses: a fixtures file (photoprism's *_fixtures.go) seeds the
// test database.

func adminUser(s *Store) {
	_ = s.SaveUser(&Account{Username: "admin", Password: "admin"})
}

func rootUser(s *Store) error {
	return s.addUser("root", "toor")
}

func ownerUser() *Account {
	u := new(Account)
	u.Username = "owner"
	u.Password = "changeme"
	return u
}
