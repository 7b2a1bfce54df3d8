// What a library and the team's server say to each other beyond Yjs (issue 15).

/** A library asks, over the codebook, which member it is: the server answers `{"member": name}`. */
export const MEMBER_QUESTION = 'verbatim:member';
