// Package records is the clinic's record store and service layer.
package records

import (
	"context"
	"errors"
	"sync"

	"example.com/blind4/clinic/internal/auth"
)

// ErrForbidden is returned when the caller may not act.
var ErrForbidden = errors.New("forbidden")

// Patient is a patient record.
type Patient struct {
	ID, Name, Clinician string
	Notes               []string
}

// Appointment is a booked slot.
type Appointment struct {
	ID, PatientID, UserID, Slot string
}

// Store keeps records in memory.
type Store struct {
	mu           sync.Mutex
	patients     map[string]*Patient
	appointments map[string]*Appointment
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{patients: map[string]*Patient{}, appointments: map[string]*Appointment{}}
}

// Patient returns a patient by id.
func (s *Store) Patient(id string) (*Patient, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.patients[id]
	return p, ok
}

// DeletePatient removes a patient.
func (s *Store) DeletePatient(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.patients, id)
}

// AppointmentsOf lists the appointments of one user.
func (s *Store) AppointmentsOf(userID string) []*Appointment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Appointment
	for _, a := range s.appointments {
		if a.UserID == userID {
			out = append(out, a)
		}
	}
	return out
}

// UpdateAppointment moves an appointment to another slot.
func (s *Store) UpdateAppointment(id, slot string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.appointments[id]
	if !ok {
		return errors.New("not found")
	}
	a.Slot = slot
	return nil
}

// AddNote appends a note to a patient.
func (s *Store) AddNote(id, note string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.patients[id]; ok {
		p.Notes = append(p.Notes, note)
	}
}

// All returns every patient.
func (s *Store) All() []*Patient {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Patient
	for _, p := range s.patients {
		out = append(out, p)
	}
	return out
}

// Service applies the clinic's access policy on top of the store.
type Service struct{ Store *Store }

// MergePatients merges b into a; only administrators may merge.
func (s *Service) MergePatients(ctx context.Context, a, b string) error {
	c := auth.FromContext(ctx)
	if c == nil || !c.HasRole("admin") {
		return ErrForbidden
	}
	pa, ok1 := s.Store.Patient(a)
	pb, ok2 := s.Store.Patient(b)
	if !ok1 || !ok2 {
		return errors.New("not found")
	}
	pa.Notes = append(pa.Notes, pb.Notes...)
	s.Store.DeletePatient(b)
	return nil
}
