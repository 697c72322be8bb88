// Package pubexample recognises credential values that providers and
// specifications publish in their documentation: AWS's example secret
// key, Stripe's documented test keys, GitHub's documentation token, the
// RFC 6749 examples, jwt.io's sample token. Such a value grants nothing,
// wherever it is found. It also knows the fixed credentials that
// emulators and local-development servers publish (DevDefault). The
// secret scanner's triage and the hardcodedcred analyzer ask the same
// tables.
//
// The values are stored as SHA-256 prefixes, so that this package holds
// no key-shaped text for a scanner to find.
package pubexample

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

var published = map[string]string{
	"6c96130f130ab0d6d158397e24d2bcc1": "RFC 6749's example access token",      // gitleaks:allow (a hash prefix, not a key)
	"00cf4c781dc37003f7c7dd7d4c9a6ef1": "RFC 6749's example refresh token",     // gitleaks:allow (a hash prefix, not a key)
	"a35b81a7d7927b70ec99270dd2362b88": "RFC 6749's example state value",       // gitleaks:allow (a hash prefix, not a key)
	"78314b11be2e581549ac1c4f616563fa": "AWS's documentation example key",      // gitleaks:allow (a hash prefix, not a key)
	"2cafc0970149a84f3b9e62eaf169f36f": "Stripe's documentation example key",   // gitleaks:allow (a hash prefix, not a key)
	"b1471f544ceeea31333bde7e1ecbaad6": "Stripe's documentation example key",   // gitleaks:allow (a hash prefix, not a key)
	"f2d6ca16515033e5dce14eba840b979d": "Stripe's documentation example key",   // gitleaks:allow (a hash prefix, not a key)
	"3543c50b0cb9cea8e55eb1f529b79f04": "GitHub's documentation example token", // gitleaks:allow (a hash prefix, not a key)
	"7f75367e7881255134e1375e723d1dea": "jwt.io's sample token",                // gitleaks:allow (a hash prefix, not a key)
	// MinIO's public playground, play.min.io, whose keys MinIO prints
	// in its client's default configuration (mc's alias "play") and in
	// every minio-go example: open to anyone by design.
	"df452eef23e8cf2c74af54c0c7419c05": "the secret key of MinIO's public playground (play.min.io)", // gitleaks:allow (a hash prefix, not a key)
}

// Lookup says which published example v is, if it is one.
func Lookup(v string) (why string, ok bool) {
	why, ok = published[hashPrefix(v)]
	return why, ok
}

// devDefaults are the fixed credentials that emulators and
// local-development servers publish as their defaults. Each opens only
// the emulator (or a server whose operator kept the documented default:
// that is a default-credential weakness, CWE-1392, not a leaked secret),
// so a finding of one is a note, never dropped. Only values that name
// themselves are listed: words as common as "test", "key" or "owner"
// (LocalStack's, DynamoDB Local's and the Firebase emulator's stand-ins)
// say nothing about where they are used.
var devDefaults = map[string]string{
	// https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key
	// (account devstoreaccount1; also the classic Storage Emulator's).
	"0011cc25eb4320717494d2703e8cba85": "the Azure Storage emulator's (Azurite's) well-known account key", // gitleaks:allow (a hash prefix, not a key)
	// https://learn.microsoft.com/azure/cosmos-db/emulator#authentication
	"aa6547439583c3a275d4542a0df6c1ad": "the Azure Cosmos DB emulator's well-known key", // gitleaks:allow (a hash prefix, not a key)
	// https://learn.microsoft.com/azure/service-bus-messaging/test-locally-with-service-bus-emulator
	// and .../event-hubs/test-locally-with-event-hub-emulator: the
	// emulators' connection string (UseDevelopmentEmulator=true).
	"2f4643b13aeabe7e75acd68c4f0fe886": "the Azure Service Bus and Event Hubs emulators' shared access key", // gitleaks:allow (a hash prefix, not a key)
	// https://min.io/docs/minio/linux/reference/minio-server/settings/root-credentials.html
	// (MINIO_ROOT_USER and MINIO_ROOT_PASSWORD both default to it).
	"ad9858116e63b0c5a4d7dc7f50f034c7": "MinIO's default root user and password", // gitleaks:allow (a hash prefix, not a key)
	// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.DownloadingAndRunning.html
	"165cc47bf99fe7d05e61300c459af48c": "DynamoDB Local's documented access key id", // gitleaks:allow (a hash prefix, not a key)
	"da6e265af56a14fea5c3324eb586285b": "DynamoDB Local's documented secret key",    // gitleaks:allow (a hash prefix, not a key)
}

// DevDefault says which published emulator or local-development default
// v is, if it is one: v itself, or a connection string one of whose
// keys (AccountKey=, SharedAccessKey=) holds one.
func DevDefault(v string) (why string, ok bool) {
	if why, ok := devDefaults[hashPrefix(v)]; ok {
		return why, true
	}
	if !strings.Contains(v, ";") {
		return "", false
	}
	// Connection strings: name=value pairs separated by semicolons. The
	// value may end in '=' (base64 padding), so split at the first '='.
	for _, part := range strings.Split(v, ";") {
		name, val, found := strings.Cut(strings.TrimSpace(part), "=")
		if !found || !strings.HasSuffix(strings.ToLower(name), "key") {
			continue
		}
		if why, ok := devDefaults[hashPrefix(strings.Trim(val, `"' `))]; ok {
			return why + ", in a connection string", true
		}
	}
	return "", false
}

func hashPrefix(v string) string {
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:])[:32]
}
