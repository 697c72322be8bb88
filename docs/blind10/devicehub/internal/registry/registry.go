// Package registry is the device registry: devices, their fleets, shadows and factory records.
package registry

import (
	"errors"
	"sync"
	"time"
)

var ErrNotFound = errors.New("not found")

type Device struct {
	ID           string             `json:"id"`
	Serial       string             `json:"serial"`
	FleetID      string             `json:"fleet_id"`
	Model        string             `json:"model"`
	Firmware     string             `json:"firmware"`
	LastSeen     time.Time          `json:"last_seen"`
	Decommission bool               `json:"decommissioned"`
	TokenEpoch   int                `json:"-"` // bumped to revoke every token issued before
	Telemetry    map[string]float64 `json:"telemetry,omitempty"`
}

// Shadow is the desired and reported configuration of a device (Wi-Fi, schedules, ...).
type Shadow struct {
	Desired  map[string]any `json:"desired"`
	Reported map[string]any `json:"reported"`
}

// FactoryRecord is written at manufacturing time; the secret is printed inside the device.
type FactoryRecord struct {
	Serial, Model, FleetID, FactorySecret string
	Claimed                               bool
}

type Registry struct {
	mu      sync.RWMutex
	devices map[string]*Device
	shadows map[string]*Shadow
	factory map[string]*FactoryRecord
}

func New() *Registry {
	return &Registry{devices: map[string]*Device{}, shadows: map[string]*Shadow{}, factory: map[string]*FactoryRecord{}}
}

func (r *Registry) Device(id string) (Device, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if d, ok := r.devices[id]; ok {
		return *d, nil
	}
	return Device{}, ErrNotFound
}

// Update applies fn to a device under the lock.
func (r *Registry) Update(id string, fn func(*Device)) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	d, ok := r.devices[id]
	if !ok {
		return ErrNotFound
	}
	fn(d)
	return nil
}

func (r *Registry) Shadow(id string) (Shadow, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if s, ok := r.shadows[id]; ok {
		return *s, nil
	}
	return Shadow{}, ErrNotFound
}

func (r *Registry) Factory(serial string) (FactoryRecord, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if f, ok := r.factory[serial]; ok {
		return *f, nil
	}
	return FactoryRecord{}, ErrNotFound
}

// Claim registers the device of a factory record and returns it.
func (r *Registry) Claim(f FactoryRecord, id string) Device {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.factory[f.Serial].Claimed = true
	d := &Device{ID: id, Serial: f.Serial, FleetID: f.FleetID, Model: f.Model, LastSeen: time.Now()}
	r.devices[id] = d
	r.shadows[id] = &Shadow{Desired: map[string]any{}, Reported: map[string]any{}}
	return *d
}

func (r *Registry) FleetDevices(fleetID string) []Device {
	r.mu.RLock()
	defer r.mu.RUnlock()
	var out []Device
	for _, d := range r.devices {
		if d.FleetID == fleetID {
			out = append(out, *d)
		}
	}
	return out
}
