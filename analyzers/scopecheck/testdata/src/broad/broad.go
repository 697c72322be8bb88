package broad // want package:"analyzed"

import (
	"context"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/google"
)

var github = &oauth2.Config{
	ClientID: "id",
	Scopes:   []string{"read:user", "repo"}, // want `oauth2.Config requests the broad scope "repo"`
}

var narrow = &oauth2.Config{
	ClientID: "id",
	Scopes:   []string{"read:user", "public_repo"}, // silent: narrow scopes
}

var cc = clientcredentials.Config{
	ClientID: "svc",
	Scopes:   []string{"orders:*"}, // want `clientcredentials.Config requests the broad scope "orders:\*"`
}

var ccNarrow = clientcredentials.Config{Scopes: []string{"orders:read"}} // silent

const cloud = "https://www.googleapis.com/auth/cloud-platform"

func clients(ctx context.Context) {
	google.DefaultClient(ctx, cloud)                                                  // want `google.DefaultClient requests the broad scope "https://www.googleapis.com/auth/cloud-platform"`
	google.DefaultClient(ctx, "https://www.googleapis.com/auth/devstorage.read_only") // silent
	c := &oauth2.Config{}
	c.Scopes = []string{"admin"}            // want `oauth2.Config requests the broad scope "admin"`
	c.Scopes = append(c.Scopes, "internal") // silent by default; see TestBroadScopesFlag
	var dynamic []string
	c.Scopes = dynamic // silent: not a constant
}
