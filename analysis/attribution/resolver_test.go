package attribution

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
)

// TestResolveLongTranscript resolves pronouns and descriptions in a text of
// far more people than the resolver scans before it builds its indexes: a
// pronoun denotes the latest speaker of its gender, "the senator" the
// senator who spoke, however many spoke since.
func TestResolveLongTranscript(t *testing.T) {
	firsts := []string{"Anna", "Boris", "Clara", "David"}
	pronouns := []string{"She", "He", "She", "He"}
	syllables := []string{"ka", "be", "ci", "do", "fu", "ga", "he", "ko", "lu", "mi"}
	var b strings.Builder
	var want []string // the resolved speaker of each statement, in order
	b.WriteString("Senator Olga Tamberova said the vote would be close.\n\n")
	want = append(want, "Olga Tamberova")
	for i := range 300 {
		surname := strings.ToUpper(syllables[i%10][:1]) + syllables[i%10][1:] + syllables[i/10%10] + syllables[i/100] + "va"
		name := firsts[i%4] + " " + surname
		fmt.Fprintf(&b, "%s said the plan would work. %s added that the talks would go on.\n\n", name, pronouns[i%4])
		want = append(want, name, name)
		if i%50 == 25 {
			b.WriteString("The senator said the count was not over.\n\n")
			want = append(want, "Olga Tamberova")
		}
	}
	// Then 70 men, and a "she" that passes them all.
	lastWoman := want[len(want)-4] // Clara, whose two statements come before the last man's two
	for i := range 70 {
		name := "Boris " + strings.ToUpper(syllables[i%10][:1]) + syllables[i%10][1:] + syllables[i/10] + "ov"
		fmt.Fprintf(&b, "%s said the deal was dead.\n\n", name)
		want = append(want, name)
	}
	b.WriteString("She said the men were wrong.\n")
	want = append(want, lastWoman)
	got := newTest(t).entries(b.String())
	if len(got) != len(want) {
		for i := range min(len(got), len(want)) {
			if got[i].Resolved != want[i] {
				t.Fatalf("got %d statements, want %d; first difference at %d: %q resolved %q, want %q", len(got), len(want), i, got[i].Speaker, got[i].Resolved, want[i])
			}
		}
		t.Fatalf("got %d statements, want %d", len(got), len(want))
	}
	for i, st := range got {
		if st.Resolved != want[i] {
			t.Errorf("statement %d (%q): resolved %q, want %q", i, st.Speaker, st.Resolved, want[i])
		}
	}
}

// TestResolveNamesakes resolves a pronoun and an honorific to the person of
// their gender among people of one surname, whichever the text names in
// full first.
func TestResolveNamesakes(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Paul Brennan spoke first. Then Mrs. Brennan took the stage. \"We will win,\" she said.", "Brennan"},
		{"Paul Brennan spoke first, and Alice Brennan after him. Mrs. Brennan said the plan would work.", "Alice Brennan"},
		{"Alice Brennan spoke first, and Paul Brennan after her. Mr. Brennan said the plan would work.", "Paul Brennan"},
	}
	for _, tt := range tests {
		got := newTest(t).entries(tt.text)
		if len(got) == 0 {
			t.Errorf("%q: no statement", tt.text)
			continue
		}
		if st := got[len(got)-1]; st.Resolved != tt.want {
			t.Errorf("%q: %q resolved %q, want %q", tt.text, st.Speaker, st.Resolved, tt.want)
		}
	}
}

// TestGenderPastLabel holds that a word before a first name that is no
// title ("Democrat Maria Ellis") does not hide the name's gender, so
// that "he" does not denote her.
func TestGenderPastLabel(t *testing.T) {
	a := newTest(t)
	text := `Democrat Maria Ellis spoke on Monday. She called him a bully. He called her a liar.`
	got := a.Statements(text)
	for _, s := range got {
		if s.Speaker == "He" && s.Resolved != "He" {
			t.Errorf("He resolved to %q; got:\n%s", s.Resolved, dumpStatements(text, got))
		}
		if s.Speaker == "She" && s.Resolved != "Democrat Maria Ellis" {
			t.Errorf("She resolved to %q", s.Resolved)
		}
	}
}

// FuzzNoteFull holds the names newResolver keeps by their last word to
// the key the words of each name gave it before the text's lowered words
// did (strings.ToLower of the name after its last space), and the
// lookups of them to the map's answers. The seeds name
// people with a possessive, a hyphen, a middle initial, a particle,
// letters outside ASCII, a no-break space, and namesakes.
func FuzzNoteFull(f *testing.F) {
	for _, text := range []string{
		"Donald Trump said it. Trump’s aides agreed, and Mr. Trump's plan stood.",
		"Vladimir Putin's spokesman Dmitry Peskov said the talks were over.",
		"Debbie Wasserman-Schultz spoke, and Tomas K. Berend replied.",
		"Ursula von der Leyen said so. José Ñúñez and JOSÉ ÑÚÑEZ met Álvaro Díaz.",
		"Anna\u00a0Karenina said it.\tLev\tTolstoy\tagreed.",
		"Paul Brennan spoke first, and Alice Brennan after him. Mrs. Brennan said the plan would work. Ann Brennan, Bo Brennan and Cy Brennan and Di Brennan too.",
	} {
		f.Add(text)
	}
	a := newTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := newDoc(a.Attributor, segment.Split(a.seg, text), new(buffers))
		r := newResolver(d)
		want := &resolver{full: map[string]string{}}
		for _, p := range r.persons {
			if k := lastSpace(p.name); k >= 0 {
				_, n := utf8.DecodeRuneInString(p.name[k:])
				last := strings.ToLower(p.name[k+n:])
				if full, ok := want.full[last]; !ok {
					want.full[last] = p.name
				} else if full != p.name {
					want.addNamesake(last, p.name)
				}
			}
		}
		if !maps.Equal(r.full, want.full) || !maps.EqualFunc(r.namesakes, want.namesakes, slices.Equal) {
			t.Errorf("%q: full %v and namesakes %v, want %v and %v", text, r.full, r.namesakes, want.full, want.namesakes)
		}
		// The bits that spare the lookups of full answer as the lookups.
		for k, w := range d.low {
			if got, want := r.fullOfLast(w), r.full[w] != ""; got != want {
				t.Errorf("%q: fullOfLast(%q) = %v, want %v", text, w, got, want)
			}
			if got, want := r.fullFold(d.word(k)), want.full[strings.ToLower(d.word(k))]; got != want {
				t.Errorf("%q: fullFold(%q) = %q, want %q", text, d.word(k), got, want)
			}
		}
	})
}

// TestActorsOf holds actorsOf, asked twice of each name (the second time
// from what it kept), to the actors the table and officeMatch find anew.
func TestActorsOf(t *testing.T) {
	a := newTest(t)
	text := "Russian Foreign Minister Sergey Lavrov said the talks were over. The US envoy for Ukraine disagreed."
	r := newResolver(newDoc(a.Attributor, segment.Split(a.seg, text), new(buffers)))
	names := []string{"Sergey Lavrov", "the Kremlin", "US envoy for Ukraine", "NATO's American commander", "Ukraine's", "officials", ""}
	for range 2 {
		for _, n := range names {
			for _, person := range []bool{true, false} {
				ms := r.officeMatch(n)
				if person {
					ms = r.d.matchActors(n)
				}
				if got, want := r.actorsOf(n, person), r.appendIndices(nil, ms); !slices.Equal(got, want) {
					t.Errorf("actorsOf(%q, %v) = %v, want %v", n, person, got, want)
				}
			}
		}
	}
	if got := r.actorsOf("US envoy for Ukraine", false); len(got) != 1 || r.d.a.actors.List[got[0]].Name != r.d.matchActors("US")[0].Actor {
		t.Errorf("actorsOf(US envoy for Ukraine) = %v, want the US alone", got)
	}
}

// TestSeenSubjects holds the named subjects seen works out when first
// asked to the persons that are their sentences' subjects: at its start,
// after titles, past an opening adverb (asked of doc.subjectStart only
// then), and not an object.
func TestSeenSubjects(t *testing.T) {
	a := newTest(t)
	text := "Foreign Ministry spokeswoman Irena Kovac scoffed. Meanwhile, Sergey Lavrov met Anna Petrova. Boris Ivanov left."
	r := newResolver(newDoc(a.Attributor, segment.Split(a.seg, text), new(buffers)))
	if len(r.seen.all.subjects) != 0 {
		t.Fatalf("subjects %v before a question asked them", r.seen.all.subjects)
	}
	var got []string
	for _, c := range r.seen.everyone().subjects {
		got = append(got, c.name)
	}
	if want := []string{"Irena Kovac", "Sergey Lavrov", "Boris Ivanov"}; !slices.Equal(got, want) {
		t.Errorf("subjects %q, want %q", got, want)
	}
	if again := r.seen.everyone().subjects; len(again) != len(got) {
		t.Errorf("asked again: %d subjects, want %d", len(again), len(got))
	}
}
