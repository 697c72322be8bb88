// Package accessalone holds a storage account's access key with no
// secret beside it: here the access key is the secret.
package accessalone

import "log"

type account struct {
	Name      string
	AccessKey string
}

func connect(a *account) {
	log.Printf("connecting to %s", a.Name)
	log.Printf("with key %s", a.AccessKey) // want `API key in field AccessKey reaches log.Printf`
}
