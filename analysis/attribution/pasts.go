package attribution

// strongPasts are past forms that do not end in -ed and are no other
// form of their verb nor a common noun or adjective ("grew", "won", "took";
// not "put", "read", "set", "lost"): pastVerb reads them as finite verbs,
// so that a phrase does not run on over them ("said the economy grew": a
// clause, not "said Mr Lavrov"). Cue verbs are left to the cue lists.
var strongPasts = set("grew rose fell won ran took gave came went began became brought bought built caught chose drew drove ate fought flew forgot froze got hid kept led lent meant met paid rang sent shook sold spent stood stole struck swore taught threw woke wore withdrew overcame undertook")
