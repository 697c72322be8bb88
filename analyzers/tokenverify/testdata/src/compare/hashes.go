package compare

// Comparisons that do not authenticate (issue 15, class 7): two hashes
// compared to detect a change tell an attacker nothing.

type Account struct {
	ID             string
	Password       string
	PasswordHash   []byte
	HashedPassword string
}

// silent: a stored hash against a new one, to revoke sessions on change.
func passwordChanged(old, cur Account) bool {
	return string(old.PasswordHash) != string(cur.PasswordHash)
}

// silent: two hashed values.
func sameHash(a, b Account) bool {
	return a.HashedPassword == b.HashedPassword
}
