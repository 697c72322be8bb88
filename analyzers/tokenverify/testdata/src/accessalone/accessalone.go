// Package accessalone compares a storage account's access key, which is
// its secret: nothing pairs it with a secret key.
package accessalone

type account struct {
	Name      string
	AccessKey string
}

func check(a *account, presented string) bool {
	return a.AccessKey == presented // want `API key in field AccessKey compared with ==`
}
