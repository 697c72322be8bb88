package sarif

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/authvet/authvet/internal/finding"
)

// Baseline is the set of fingerprints of an earlier run.
type Baseline map[string]bool

// ReadBaseline reads the authvet fingerprints of an earlier SARIF file. A
// file that is not SARIF, or that has no authvet run, is an error: a
// baseline that silently matched nothing would fail every legacy finding.
func ReadBaseline(path string) (Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	return ParseBaseline(data, path)
}

// ParseBaseline reads the authvet fingerprints of a SARIF document; name
// is the file it came from, for messages.
func ParseBaseline(data []byte, path string) (Baseline, error) {
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
	b := Baseline{}
	for _, run := range log.Runs {
		for _, res := range run.Results {
			if fp, ok := res.PartialFingerprints[FingerprintKey].(string); ok && fp != "" {
				b[fp] = true
			}
		}
	}
	return b, nil
}

// Apply marks each finding new or unchanged against the baseline.
func (b Baseline) Apply(fs []finding.Finding) {
	for i := range fs {
		if b[fs[i].Fingerprint] {
			fs[i].BaselineState = finding.BaselineUnchanged
		} else {
			fs[i].BaselineState = finding.BaselineNew
		}
	}
}
