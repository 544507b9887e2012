"""Issue 12's experiment: does a trained relation classifier (entity pair + sentence, spaCy textcat) beat the
cue rules for designedBy / manufacturedOn / investedIn / round roles? See README.md for the figures."""
