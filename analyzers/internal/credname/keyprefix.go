package credname

import "strings"

// secretKeyPrefixes are the conventional prefixes of secret API keys:
// sk- and sk_ of OpenAI, Anthropic, Stripe and many since, rk_ and rk-
// of restricted keys. Publishable prefixes (pk_) are not secret and are
// left out.
var secretKeyPrefixes = []string{"sk-", "sk_", "rk_", "rk-"}

// CutSecretKeyPrefix returns v without a secret key's prefix, and
// whether v had one.
func CutSecretKeyPrefix(v string) (rest string, ok bool) {
	for _, p := range secretKeyPrefixes {
		if rest, ok := strings.CutPrefix(v, p); ok {
			return rest, true
		}
	}
	return v, false
}
