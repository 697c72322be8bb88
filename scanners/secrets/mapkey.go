package secrets

// roleMapKey is a value that is itself the key of a mapping in a JSON
// (or quoted YAML) document: "fcb1bcb4-…": "Ledger Nano X FIDO2
// Authenticator". A generic rule reaches it from the keyword in the
// entry before ("…Authenticator",) across the separating comma; what
// holds the credential in a mapping is its value, the key only names the
// entry (an authenticator's AAGUID, a record's id).
const roleMapKey = "the key of a mapping entry, which names the entry"

// mapKey reports whether the value starting at text[start] is quoted and
// followed, after its closing quote, by a colon that separates a key from
// its value (not "::", ":=" or a URL's "://").
func mapKey(text string, start int) bool {
	if start == 0 {
		return false
	}
	q := text[start-1]
	if q != '"' && q != '\'' {
		return false
	}
	i := start
	for i < len(text) && text[i] != q && text[i] != '\n' {
		i++
	}
	if i >= len(text) || text[i] != q {
		return false
	}
	i++
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i >= len(text) || text[i] != ':' {
		return false
	}
	if i+1 < len(text) && (text[i+1] == ':' || text[i+1] == '=' || text[i+1] == '/') {
		return false
	}
	return true
}
