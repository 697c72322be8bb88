package secrets

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestDevDefaultsAreNotes: a published emulator or local-development
// default (Azurite's account key, the Cosmos DB emulator's key) is a
// note wherever it is and whatever rule matched it, also inside a
// connection string; a random key of the same shape, another key after
// AccountKey=, and a key that shares the published one's prefix keep
// their level.
func TestDevDefaultsAreNotes(t *testing.T) {
	r := newRepo(t)
	azurite := strings.Join([]string{"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2", "UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="}, "")
	cosmos := strings.Join([]string{"C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVT", "qobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="}, "")
	b64 := base64.StdEncoding.EncodeToString
	random := b64([]byte(testkeys.Generic(870) + testkeys.Generic(871)))[:86] + "=="
	other := b64([]byte(testkeys.Generic(872) + testkeys.Generic(873)))[:86] + "=="
	prefixed := azurite[:40] + b64([]byte(testkeys.Generic(874) + testkeys.Generic(875)))[:46] + "=="
	r.write("Makefile", "test-azure:\n\tAZURE_STORAGE_ACCOUNT_NAME=devstoreaccount1 \\\n\tAZURE_STORAGE_ACCOUNT_KEY=\""+azurite+"\" \\\n\tgo test ./...\n\n"+
		"deploy-azure:\n\tAZURE_STORAGE_ACCOUNT_KEY=\""+random+"\" ./deploy.sh\n\n"+
		"deploy-backup:\n\tBACKUP_STORAGE_ACCOUNT_KEY=\""+prefixed+"\" ./deploy.sh\n")
	r.write("deploy/cosmos.env", "COSMOS_ENDPOINT=https://db.acme.io:8081/\nCOSMOS_KEY="+cosmos+"\n")
	r.commit("storage settings")
	res := scanRepo(t, Options{Root: r.dir})
	// The key only inside connection strings, in a second history.
	r2 := newRepo(t)
	r2.write("config/storage.yaml", "storage:\n  connectionString: \"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="+azurite+";BlobEndpoint=http://azurite:10000/devstoreaccount1;\"\n"+
		"archive:\n  connectionString: \"DefaultEndpointsProtocol=https;AccountName=acmearchive;AccountKey="+other+";EndpointSuffix=core.windows.net\"\n")
	r2.commit("storage settings")
	res2 := scanRepo(t, Options{Root: r2.dir})
	res.Findings = append(res.Findings, res2.Findings...)
	for _, tc := range []struct {
		path, snippet string
		note          bool
	}{
		{"Makefile", "AZURE_STORAGE_ACCOUNT_KEY=\"Eby8", true},
		{"config/storage.yaml", "devstoreaccount1", true},
		{"deploy/cosmos.env", "COSMOS_KEY", true},
		// Near misses.
		{"Makefile", "deploy.sh", false},
		{"Makefile", "BACKUP_STORAGE", false},
		{"config/storage.yaml", "acmearchive", false},
	} {
		f := findingAt(t, res, tc.path, tc.snippet)
		if got := f.Level == finding.LevelNote; got != tc.note {
			t.Errorf("%s:%d (%s): level %s, want note %v: %s", f.Location.Path, f.Location.StartLine, tc.snippet, f.Level, tc.note, f.Message)
		}
		if tc.note && !strings.Contains(f.Message, "published local-development default") {
			t.Errorf("%s:%d: message lacks the reason: %s", f.Location.Path, f.Location.StartLine, f.Message)
		}
	}
	assertNoLeak(t, res, random, other, prefixed)
}
