package config_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/authvet/authvet/internal/config"
)

// FuzzLoad feeds the loader arbitrary bytes: it must return a config or
// an error, never panic, and every error must carry the file name.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"valid", "invalid", "errors"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.yml"))
		for _, path := range files {
			data, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	k := known()
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := config.Parse(data, "fuzz.yml", "/repo", k)
		if err != nil {
			if cfg != nil {
				t.Fatal("Parse returned a config and an error")
			}
			return
		}
		for _, s := range cfg.Settings {
			if s.Key == "" {
				t.Fatalf("setting with no key: %+v", s)
			}
		}
		// The accessors must cope with whatever loaded.
		cfg.Excluded("plainhttp/url", "/repo/a/testdata/b.go")
		cfg.Level("tokenlog/log")
	})
}
