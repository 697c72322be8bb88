// Package selfnamed: a package variable whose only value spells its own
// name (externalSecrets = "external-secrets") is a label, compared as
// one; a variable named the same way that holds a key is a secret.
package selfnamed

import "net/http"

var (
	managedBy       = "managed-by"
	externalSecrets = "external-secrets"
	webhookSecret   = "Zq9Lm2Xv8Tn4Rb7Kw1Pd"
)

// Near miss: the tag a provider writes on what it manages
// (external-secrets' AWS parameter store).
func isManaged(tags map[string]string) bool {
	return tags[managedBy] == externalSecrets
}

func verify(r *http.Request) bool {
	return r.Header.Get("X-Webhook-Secret") == webhookSecret // want `compared with ==`
}
