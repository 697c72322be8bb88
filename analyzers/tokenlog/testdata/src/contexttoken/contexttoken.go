// Package contexttoken logs a mesh proxy's context token: where the
// proxy runs (namespace, node, pod), sent on every request for routing,
// not a secret. The same service's credentials are still followed.
package contexttoken

import (
	"encoding/json"
	"log"
	"strings"
)

type GetDestination struct {
	Path         string
	ContextToken string
	AuthToken    string
}

func (d *GetDestination) GetContextToken() string { return d.ContextToken }
func (d *GetDestination) GetAuthToken() string    { return d.AuthToken } // want GetAuthToken:`result 0 is token in field AuthToken`

type contextToken struct {
	Ns       string `json:"ns,omitempty"`
	NodeName string `json:"nodeName,omitempty"`
	Pod      string `json:"pod,omitempty"`
}

func parseContextToken(token string) contextToken {
	ctx := contextToken{}
	if err := json.Unmarshal([]byte(token), &ctx); err != nil {
		parts := strings.Split(token, ":")
		if len(parts) == 2 && parts[0] == "ns" {
			log.Printf("context token %s using old token format", token)
			ctx.Ns = parts[1]
		}
	}
	return ctx
}

func get(dest *GetDestination) {
	if dest.GetContextToken() != "" {
		log.Printf("dest token: %q", dest.GetContextToken())
		t := parseContextToken(dest.GetContextToken())
		log.Printf("context pod %s ns %s", t.Pod, t.Ns)
	}
	// Near miss: the credential beside it.
	log.Printf("auth: %s", dest.GetAuthToken()) // want `token in field AuthToken returned by GetDestination.GetAuthToken reaches log.Printf`
}

// Near miss: a bare token parameter of a function that says nothing of
// its kind.
func checkToken(token string) {
	log.Printf("checking %s", token) // want `token in parameter token reaches log.Printf`
}
