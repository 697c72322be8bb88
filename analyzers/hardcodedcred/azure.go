package hardcodedcred

import (
	"encoding/base64"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Azure Storage account keys and Azure connection strings.
//
// A storage account key is 64 random bytes in standard base64 (88
// characters, "==" at the end); Azure's own settings hold it under
// "account key" or "storage key" names (AZURE_STORAGE_KEY,
// AccountKey, storageAccountKey), which credname does not take for a
// credential on their own: "account key" and "storage key" are also the
// names of cache and map keys. The value decides: under such a name a
// literal that decodes to exactly 64 bytes is the account key, a
// lookup key never is. The same key, and the Service Bus and Event Hubs
// shared access keys (32 bytes), are written inside connection strings
// ("DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…",
// "Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…"), which no
// name and no gitleaks rule catch; such a string's key/value pairs are
// read, and a key pair whose value decodes to at least 32 bytes is
// reported. The emulators' published keys (Azurite's, the Cosmos DB
// emulator's) become default-account notes in emit (devDefault), as they
// do under any other rule: the candidate's value is the key alone.

// azureKeyBytes is the size of a storage account key.
const azureKeyBytes = 64

// azureKeyName reports a name whose last words are "account key" or
// "storage key" (accountKey, AZURE_STORAGE_KEY, StorageAccountKey,
// account_keys).
func azureKeyName(name string) bool {
	w := credname.Words(name)
	n := len(w)
	if n == 0 {
		return false
	}
	last := strings.TrimSuffix(w[n-1], "s")
	switch last {
	case "accountkey", "storagekey":
		return true
	case "key":
		return n >= 2 && (w[n-2] == "account" || w[n-2] == "storage")
	}
	return false
}

// decodedLen returns the length of v decoded as standard, padded base64,
// or -1.
func decodedLen(v string) int {
	if len(v)%4 != 0 {
		return -1
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return -1
	}
	return len(b)
}

// azureConnKeys are the connection-string keys that hold a key, and
// azureConnOthers the keys one of which must sit beside it.
var (
	azureConnKeys   = map[string]string{"accountkey": "account key", "sharedaccesskey": "shared access key"}
	azureConnOthers = map[string]bool{
		"defaultendpointsprotocol": true, "accountname": true, "endpointsuffix": true,
		"blobendpoint": true, "queueendpoint": true, "tableendpoint": true, "fileendpoint": true,
		"endpoint": true, "sharedaccesskeyname": true, "entitypath": true,
	}
)

// azureConnKey returns the key held by an Azure connection string and
// what it is.
func azureConnKey(v string) (key, what string, ok bool) {
	if strings.ContainsAny(v, " \t\n") {
		return "", "", false
	}
	other := false
	for _, part := range strings.Split(v, ";") {
		k, val, found := strings.Cut(part, "=")
		if !found {
			continue
		}
		lk := strings.ToLower(k)
		if azureConnOthers[lk] {
			other = true
			continue
		}
		if w, isKey := azureConnKeys[lk]; isKey && key == "" && decodedLen(val) >= 32 {
			key, what = val, w
		}
	}
	return key, what, other && key != ""
}

// azureKeys reports an Azure connection string's key and a storage
// account key held under an account- or storage-key name.
func (c *checker) azureKeys(o origin) {
	if old, ok := c.cands[o.node.Pos()]; ok && old.prio >= prioSink {
		return
	}
	if key, what, ok := azureConnKey(strings.TrimSpace(o.value)); ok && looksSecret(key, false, minEntropy) {
		o2 := o
		o2.value = key
		c.cands[o.node.Pos()] = &cand{o: o2, rule: "sink", prio: prioSink, msg: describe(what+" in an Azure connection string", o2), noFix: true}
		return
	}
	name := ""
	if o.lit != nil {
		name = c.names[o.lit]
	}
	if o.via != nil && name == "" {
		name = o.via.Name()
	}
	if name == "" || !azureKeyName(name) || fakeName(name) {
		return
	}
	if decodedLen(o.value) != azureKeyBytes || !looksSecret(o.value, false, minEntropy) {
		return
	}
	c.addOrigin(o, "assignment", "Azure Storage account key under "+name, name, "")
}
