package hardcodedcred

import (
	"regexp"
	"strings"
)

// A password written into SQL text that creates or changes a database
// account sets that account's password to a value anyone with the
// source has:
//
//	pool.Exec(ctx, "CREATE ROLE reporting LOGIN PASSWORD 'r3p0rt!ng-R0'")
//
// Rule: a string literal or constant whose text creates or alters a
// user, role or login (CREATE/ALTER USER|ROLE|LOGIN, MySQL's SET
// PASSWORD) and gives it a quoted password (PostgreSQL's PASSWORD 'p',
// SQL Server's PASSWORD = 'p', MySQL's IDENTIFIED [WITH plugin] BY 'p',
// Oracle's IDENTIFIED BY p) reports that password, judged as a DSN's
// password is (looksSecret in password mode: no placeholders, bind
// parameters or templates, not the user's own name). Stored hashes are
// no password: MySQL's IDENTIFIED BY PASSWORD '*…', PostgreSQL's 'md5…'
// and 'SCRAM-SHA-256$…' verifiers.

// sqlAccountRe finds the statement that creates or alters an account,
// and its name.
var sqlAccountRe = regexp.MustCompile(`(?is)\b(?:create|alter)\s+(?:user|role|login)\s+(?:if\s+not\s+exists\s+)?("[^"]+"|'[^']+'(?:@'[^']*')?|` + "`[^`]+`" + `|[\w.$-]+)|\bset\s+password\s+for\s+('[^']+'(?:@'[^']*')?|[\w.$-]+)`)

// sqlPasswordRes find the password clause after the account's name.
var sqlPasswordRes = []*regexp.Regexp{
	regexp.MustCompile(`(?is)\b(by\s+)?password\s*(?:=\s*)?(?:password\s*\(\s*)?'((?:[^']|'')*)'`),
	regexp.MustCompile(`(?is)\bidentified\s+(?:with\s+[\w'"]+\s+)?by\s+'((?:[^']|'')*)'`),
	regexp.MustCompile(`(?is)\bidentified\s+by\s+("?)([A-Za-z0-9_#$!@%^&*+=.-]+)"?`),
	regexp.MustCompile(`(?is)^\s*=\s*(?:password\s*\(\s*)?'((?:[^']|'')*)'`), // SET PASSWORD FOR u = '…'
}

// sqlPassword returns the account and the password a SQL statement in v
// sets, if it sets one in the clear.
func sqlPassword(v string) (account, pass string, ok bool) {
	m := sqlAccountRe.FindStringSubmatchIndex(v)
	if m == nil {
		return "", "", false
	}
	for i := 2; i+1 < len(m); i += 2 {
		if m[i] >= 0 {
			account = strings.Trim(v[m[i]:m[i+1]], "\"'`")
			if j := strings.Index(account, "'@'"); j >= 0 {
				account = account[:j]
			}
			break
		}
	}
	rest := v[m[1]:]
	if end := strings.IndexByte(rest, ';'); end >= 0 {
		rest = rest[:end]
	}
	if sm := sqlPasswordRes[0].FindStringSubmatch(rest); sm != nil {
		if sm[1] != "" {
			return "", "", false // IDENTIFIED BY PASSWORD '*…': a stored hash
		}
		pass = sm[2]
	} else if sm := sqlPasswordRes[1].FindStringSubmatch(rest); sm != nil {
		pass = sm[1]
	} else if sm := sqlPasswordRes[3].FindStringSubmatch(rest); sm != nil {
		pass = sm[1]
	} else if sm := sqlPasswordRes[2].FindStringSubmatch(rest); sm != nil {
		if strings.EqualFold(sm[2], "password") || strings.EqualFold(sm[2], "values") {
			return "", "", false
		}
		pass = sm[2]
	} else {
		return "", "", false
	}
	pass = strings.ReplaceAll(pass, "''", "'")
	if storedVerifier(pass) {
		return "", "", false
	}
	return account, pass, true
}

// storedVerifier reports whether a value given as a password is a hash
// the server stores as it is: PostgreSQL's md5 and SCRAM verifiers,
// MySQL's native hash.
func storedVerifier(p string) bool {
	lp := strings.ToLower(p)
	if strings.HasPrefix(lp, "scram-sha-256$") {
		return true
	}
	if len(lp) == 35 && strings.HasPrefix(lp, "md5") && isHex(lp[3:]) {
		return true
	}
	return len(p) == 41 && p[0] == '*' && isHex(lp[1:])
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return s != ""
}
