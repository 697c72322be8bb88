package sarif

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/authvet/authvet/internal/finding"
)

// ReadBaseline reads the authvet fingerprints of an earlier SARIF file,
// for finding.Baseline.Apply. A file that is not SARIF, or that has no
// authvet run, is an error: a baseline that silently matched nothing
// would fail every legacy finding.
func ReadBaseline(path string) (finding.Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	return ParseBaseline(data, path)
}

// ParseBaseline reads the authvet fingerprints of a SARIF document; name
// is the file it came from, for messages.
func ParseBaseline(data []byte, path string) (finding.Baseline, error) {
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				PartialFingerprints map[string]any `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, fmt.Errorf("baseline %s is not a SARIF file: %w", path, err)
	}
	if log.Version != "2.1.0" || log.Runs == nil {
		return nil, fmt.Errorf("baseline %s is not a SARIF 2.1.0 file (version %q)", path, log.Version)
	}
	b := finding.Baseline{}
	for _, run := range log.Runs {
		for _, res := range run.Results {
			if fp, ok := res.PartialFingerprints[FingerprintKey].(string); ok && fp != "" {
				b[fp] = true
			}
		}
	}
	return b, nil
}
