package hardcodedcred

import (
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A provider that issues a pair names its halves <X>Key and <X>Secret
// (Dropbox's and Taobao's AppKey and AppSecret, OAuth 1's ConsumerKey
// and ConsumerSecret, ApiKey and ApiSecret): the key is the client's
// identifier, sent in every authorize URL and request, and the secret
// is the credential. A field named so beside its secret is the
// identifier, as a ClientID is; the secret stays reported. A key with
// no secret beside it (an API key on its own) is the credential.

// keyBesideSecret reports whether field name of st ends in "key" and st
// has a field of the same prefix ending in "secret".
func keyBesideSecret(st *types.Struct, name string) bool {
	w := credname.Words(name)
	if len(w) < 2 || w[len(w)-1] != "key" {
		return false
	}
	prefix := strings.Join(w[:len(w)-1], "")
	for i := 0; i < st.NumFields(); i++ {
		fw := credname.Words(st.Field(i).Name())
		if len(fw) >= 2 && fw[len(fw)-1] == "secret" && strings.Join(fw[:len(fw)-1], "") == prefix {
			return true
		}
	}
	return false
}
