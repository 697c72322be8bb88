package hardcodedcred

import (
	"go/ast"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A name whose last word is a bare "key" says nothing by itself
// (fallbackKey, upstreamKey, cacheKey): map keys and cache keys are
// everywhere. The value can settle it. A secret key's conventional
// prefix (sk- and sk_ of OpenAI, Anthropic, Stripe and many since, rk_
// of restricted keys) before a random run is an API key, also when no
// provider's exact format matches (a key of a provider gitleaks does not
// know, or a format that changed). Publishable prefixes (pk_) are not
// secret and are left out.

// keyKind is classifyName, plus APIKey for a bare "key" name given a
// constant that is a prefixed secret key.
func (c *checker) keyKind(name string, value ast.Expr) credname.Kind {
	if k := classifyName(name); k != credname.None {
		return k
	}
	w := credname.Words(name)
	if len(w) == 0 || (w[len(w)-1] != "key" && w[len(w)-1] != "keys") {
		return credname.None
	}
	v, ok := c.constString(value)
	if !ok || !prefixedSecretKey(v) {
		return credname.None
	}
	return credname.APIKey
}

// prefixedSecretKey reports whether v is a secret key's prefix followed
// by a run that looks like a secret.
func prefixedSecretKey(v string) bool {
	rest, ok := credname.CutSecretKeyPrefix(v)
	return ok && len(rest) >= 20 && looksSecret(rest, false, minEntropy)
}
