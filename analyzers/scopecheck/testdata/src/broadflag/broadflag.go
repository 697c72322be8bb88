package broadflag // want package:"analyzed"

import "golang.org/x/oauth2"

var github = &oauth2.Config{
	Scopes: []string{"repo"}, // silent: -broad-scopes=-repo removed it
}

func add(c *oauth2.Config) {
	c.Scopes = append(c.Scopes, "internal") // want `oauth2.Config requests the broad scope "internal"`
	c.Scopes = []string{"admin"}            // want `oauth2.Config requests the broad scope "admin"`
}
