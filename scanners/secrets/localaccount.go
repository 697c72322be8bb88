package secrets

import (
	"regexp"
	"strings"
)

// roleLocalAccount is a credential in the block that defines an account
// whose e-mail address is at localhost (caddy-security's sample
// Caddyfiles: "user webadmin { email webadmin@localhost.localdomain …
// # secret: …; api key …}"): an address no mail reaches names an
// account that exists only on the developer's machine, so its password
// or API key opens nothing anywhere else. Only localhost and the
// special-use names that cannot resolve on the Internet (.localhost,
// .test, .invalid, RFC 6761) count: an account at example.com may be
// the default a real deployment is seeded with, which is judged by its
// value. Not in a deployment either (a deployment tree, a Dockerfile, a
// Compose file: testshared.go's deploymentFile): there an admin account
// at localhost is the default the deployment starts with, and the keys
// beside it are what it runs with (semaphore's compose file,
// SEMAPHORE_ADMIN_EMAIL: admin@localhost beside its access-key
// encryption key).
const roleLocalAccount = "the credential of an account at localhost (its e-mail address beside it)"

// localAccountLine is a line giving an e-mail address at localhost or a
// special-use domain.
var localAccountLine = regexp.MustCompile(`(?i)[\w.+-]+@(?:localhost(?:\.localdomain)?|[\w-]+(?:\.[\w-]+)*\.(?:localhost|test|invalid))(?:[^\w.-]|$)`)

// localAccountNear is the number of lines above and below the value
// searched for the address, within the same block.
const localAccountNear = 8

// localAccount reports whether the line at ls sits in a block, at its
// depth, that gives an e-mail address at localhost: a field of the same
// account. The depth is the line's indent with comment markers taken
// out, so that a commented field ("# secret: …") and a live one
// ("email …") of the same account compare equal, and a commented-out
// block compares as it would live.
func localAccount(text string, ls int) bool {
	return blockLine(text, ls, localAccountNear, depthOf, localAccountLine.MatchString)
}

// depthOf is the width of a line's indent without its comment markers
// and the one space after each: "\t\t# \t\tkey" and "\t\t\t\tkey" are
// at the same depth.
func depthOf(l string) int {
	in := lineIndent(l)
	in = strings.NewReplacer("# ", "", "// ", "", "#", "", "//", "").Replace(in)
	return len(in)
}
