package corpus

// The word lists the synthetic guide is made of. The sentences they make are plain
// but meaningless; they only need to look like real text to the Markdown parser.

type area struct{ id, title, summary string }

var areas = []area{
	{"lower-back", "Lower back", "The curved part of your back above your hips."},
	{"mid-back", "Mid back", "The part of your back behind your ribs."},
	{"upper-back", "Upper back", "The top of your back, between your shoulder blades."},
	{"neck", "Neck", "The bones and muscles that hold up your head."},
	{"shoulders", "Shoulders", "The joints where your arms meet your body."},
	{"hips", "Hips", "The joints where your legs meet your body."},
	{"glutes", "Glutes", "The muscles of your buttocks."},
	{"hamstrings", "Hamstrings", "The muscles at the back of your thighs."},
	{"quadriceps", "Quadriceps", "The big muscles at the front of your thighs."},
	{"calves", "Calves", "The muscles at the back of your lower legs."},
}

type flag struct{ id, title, urgency, action string }

var flags = []flag{
	{"cauda-equina", "Loss of bladder or bowel control", "emergency", "Get emergency care now."},
	{"leg-numbness", "Numb or weak legs", "urgent", "See a doctor soon, and sooner if it gets worse."},
	{"fever", "Fever with back pain", "urgent", "See a doctor quickly."},
	{"night-pain", "Strong pain at night", "urgent", "See a doctor if rest does not ease it."},
	{"trauma", "A recent fall or crash", "urgent", "Have a doctor check your back first."},
	{"weight-loss", "Weight loss you cannot explain", "soon", "Book a visit with your doctor."},
	{"cancer-history", "A history of cancer", "soon", "Tell your doctor about the new pain."},
}

var adjectives = []string{"gentle", "seated", "standing", "lying", "kneeling", "slow", "easy", "supported",
	"wall", "chair", "side", "deep", "soft", "rolling", "rocking", "reaching"}

var moves = []string{"hip opener", "back bend", "twist", "side reach", "hamstring stretch", "calf stretch",
	"knee hug", "pelvic tilt", "shoulder roll", "neck turn", "chest opener", "spine curl", "leg swing",
	"arm sweep", "thigh stretch", "glute stretch"}

var times = []string{"morning", "evening", "bedtime", "desk", "lunch", "travel", "weekend", "quick"}

var positions = []string{"lying", "kneeling", "sitting", "standing"}

var equipment = []string{"mat", "chair", "towel", "wall", "pillow", "strap"}

var cues = []string{"Breathe out as you move", "Keep your back long", "Move slowly", "Relax your shoulders",
	"Keep your knees soft", "Stop before it hurts", "Hold still, do not bounce"}

var openers = []string{"This stretch can help", "Many people find that it", "Your back may feel",
	"Go slowly, because it", "A small study found that it", "Over a few weeks it", "It is fine if it",
	"You can also", "Try to keep", "Most people"}

var stepStarts = []string{"Start with", "Slowly move", "Gently bring", "Hold", "Breathe out and lower",
	"Return to", "Rest and then repeat with"}

var fillers = []string{"your", "back", "hips", "legs", "muscles", "feel", "looser", "after", "a", "few",
	"days", "of", "gentle", "practice", "and", "the", "stiffness", "often", "eases", "when", "you", "move",
	"slowly", "with", "care", "each", "morning", "or", "evening", "breath", "relaxed", "knees", "bent",
	"arms", "floor", "chair", "calm", "steady", "easier", "less", "tight"}

var families = []string{"Smith", "Garcia", "Nguyen", "Okafor", "Larsen", "Kowalski", "Tanaka", "Haddad",
	"Moreau", "Silva", "Novak", "Fischer", "Patel", "Kim", "Rossi", "Jensen"}

var studyWords = []string{"effects of", "a trial of", "a review of", "outcomes of", "a pilot study of"}

var people = []string{"adults with low back pain", "office workers", "older adults", "nurses", "runners",
	"people with chronic back pain"}

var journals = []string{"Journal of Synthetic Rehabilitation", "Back Care Research", "Physical Therapy Notes",
	"Spine and Movement", "Clinical Stretching Review"}
