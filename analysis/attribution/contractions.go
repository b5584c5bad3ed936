package attribution

// contractedSubjects are the subject pronouns with a contracted auxiliary
// ("he’d", "they're", "we'll"), one word each: classSubjectPronoun holds
// them, so that "assured donors she’d cut the levy" reports the clause
// "she’d cut the levy" and a phrase ends before them as before "he".
const contractedSubjects = "he'd he'll he's she'd she'll she's they'd they'll they're they've we'd we'll we're we've i'd i'll i've i'm he’d he’ll he’s she’d she’ll she’s they’d they’ll they’re they’ve we’d we’ll we’re we’ve i’d i’ll i’ve i’m"
