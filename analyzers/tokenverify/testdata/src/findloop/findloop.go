// Package findloop: a loop that finds the record a presented token
// matches, keeps it in a variable of the code around the loop and
// breaks out, decides access by the comparison (dendrite's application
// service tokens, compared with == against every configured service).
// A loop that only counts or closes what matches decides nothing.
package findloop

import "errors"

type AppService struct {
	ID      string
	ASToken string
}

type API struct{ Services []AppService }

// Positives.

func (a *API) ServiceFor(token string) (*AppService, error) {
	var found *AppService
	for _, as := range a.Services {
		if as.ASToken == token { // want `token in field ASToken compared with ==`
			found = &as
			break
		}
	}
	if found == nil {
		return nil, errors.New("unknown application service token")
	}
	return found, nil
}

func (a *API) ServiceIndex(token string) int {
	idx := -1
	for i := range a.Services {
		if a.Services[i].ASToken == token { // want `token in field ASToken compared with ==`
			idx = i
			break
		}
	}
	return idx
}

// Near misses.

// Counting the services that share a token keeps no record.
func (a *API) CountSharing(token string) int {
	n := 0
	for _, as := range a.Services {
		if as.ASToken == token {
			n++
		}
	}
	return n
}

// A match without a break keeps looking: bookkeeping over all of them.
func (a *API) LastID(token string) string {
	last := ""
	for _, as := range a.Services {
		if as.ASToken == token {
			last = as.ID
		}
	}
	return last
}
