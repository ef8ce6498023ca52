/**
 * Trigger phrases of the ConText categories (after Harkema et al. 2009), in normal form (lower case, contractions
 * expanded). Written for this project from the categories the algorithm describes; no rule file was copied.
 */
export const CONTEXT_TRIGGERS = {
  /** Negation opened before the term ("no fever", "denies cough", "free of pain"). */
  negation: ['no', 'not', 'never', 'without', 'denies', 'denied', 'deny', 'nor', 'none', 'free of', 'negative for', 'absence of', 'no signs of', 'no sign of', 'no evidence of', 'not consistent with', 'nothing like'],
  /**
   * Look like negation and are not: the finding is still there ("not improved", "no, just ear pain"), the medicine taken
   * ("i never miss my synthroid").
   */
  pseudoNegation: ['no change', 'no increase', 'not only', 'not sure', 'not certain', 'no doubt', 'not improve', 'not improved', 'not better', 'not go away', 'not gone', 'not stop', 'not stopped', 'not get better', 'not getting better', 'not reduce', 'not reduced', 'not settle', 'not settled', 'not really sure', 'not since', 'not bother', 'not bothering', 'not too bad', 'not so bad', 'not that bad', 'not bad', 'not great', 'not so great', 'not good', 'not so good', 'not well', 'not doing well', 'not doing great', 'not doing good', 'not feeling well', 'not feeling great', 'not feeling good', 'not know', 'not remember', 'no , just', 'no just', 'no , only', 'no only', 'no , except', 'no except', 'not taking anything for', 'not take anything for', 'never miss', 'never misses', 'never missed', 'never forget', 'never forgets', 'never forgot', 'never skip', 'never skips', 'never skipped', 'is not this', 'is not it', 'is not that', 'is not there', 'are not you', 'are not they', 'was not it', 'was not this', 'was not there', 'do not you', 'did not you', 'have not you', 'has not it', 'does not it'],
  /** Negation said after the term ("pneumonia was ruled out"). */
  postNegation: ['ruled out', 'is negative', 'was negative', 'is absent', 'was absent', 'not really', 'none at all'],
  /** Not an explanation: "it causes", "this causes me" say what the patient's own complaint does ("it causes a lot of chest pain"). */
  pseudoExplanatory: ['it causes', 'it also causes', 'it still causes', 'it sometimes causes', 'it always causes', 'it really causes', 'that causes me', 'this causes me'],
  /** Advice, safety-netting and conditions: the finding may happen, it has not ("if you develop any weakness"). */
  hypothetical: ['if', 'in case', 'whenever', 'unless', 'should you', 'watch for', 'watch out for', 'look out for', 'keep an eye out for', 'keep an eye on', 'let me know if', 'warning signs', 'signs of', 'make sure you do not', 'to avoid', 'to prevent', 'prevent', 'would have been', 'would have had', 'would have made', 'would have gone', 'would have got', 'would have gotten', 'would have called', 'would have taken', 'would have needed', 'may get', 'might get', 'could get'],
  /** Embedded questions, not conditions: "can you tell me if you have any fever" and "any signs of infection" ask. */
  pseudoHypothetical: ['tell me if', 'any signs of', 'any sign of', 'wondering if', 'wonder if', 'asking if', 'ask if', 'ask you if', 'know if you', 'know if there', 'check if', 'not sure if', 'unsure if'],
  /** Explaining or teaching: the finding is named, not had ("we look at things like anaemia", "it can cause nausea"). */
  explanatory: ['things like', 'such as', 'can cause', 'could cause', 'may cause', 'might cause', 'will cause', 'can lead to', 'could lead to', 'lead to', 'leads to', 'causes', 'risk of', 'risk for', 'risks of', 'side effect', 'side effects', 'check for', 'test for', 'tests for', 'screen for', 'screening for', 'look for', 'looking for', 'to see if', 'to make sure', 'to check', 'we look at', 'associated with', 'common with', 'caused by', 'means', 'meaning', 'stands for', 'is when', 'anything from', 'could be anything', 'to help with', 'should help with', 'will help with', 'can help with', 'to treat', 'will treat', 'treat the', 'treat your', 'treat this', 'treat that', 'to relieve', 'will relieve', 'to ease', 'will ease', 'to control', 'to manage'],
  /** Feared, wondered about or asked about by the patient ("i thought i was going to have a heart attack"). */
  feared: ['i hope', 'i am hoping', 'i thought i', 'thought it was', 'thought i had', 'worried', 'worry', 'afraid', 'scared', 'concerned about', 'fear', 'what if', 'is it possible', 'could it be', 'could this be'],
  /** The doctor breaking bad news, not a fear: "i am afraid your diabetes is out of control" states it. */
  pseudoFeared: ['i am afraid i do not have', 'i am afraid that you', 'i am afraid you', 'i am afraid your', 'i am afraid it is', 'i am afraid this is', 'i am afraid that it is', 'i am afraid so',
    // The same with a typist's comma ("i am afraid, i do not have better news"), which a recogniser leaves out.
    'i am afraid , i do not have', 'i am afraid , you', 'i am afraid , your', 'i am afraid , it is', 'i am afraid , this is',
    // A thought confirmed, not a fear: "that is what i thought, i have high blood pressure".
    'what i thought', 'as i thought'],
  /** Hedged impressions: a suspected, not a stated, diagnosis. */
  hedge: ['likely', 'probably', 'probable', 'possibly', 'possible', 'suspect', 'suspected', 'looks like', 'look like', 'seems', 'seem', 'suggestive of', 'could be', 'might be', 'may be', 'maybe', 'rule out', 'query', 'i wonder whether', 'i wonder if', 'wonder whether', 'concerned that', 'concerning for', 'differential',
    // A clinician's "i do not think there is any sign of", "i do not think you have"; the patient's own "i do not think i
    // have diabetes" stays a denial.
    'do not think there', 'do not think it', 'do not think this', 'do not think that', 'do not think you', 'do not think he', 'do not think she', 'do not think they',
    // A clinician's impression given as an opinion ("i think it is a migraine", "i think you have a sinus infection");
    // the patient's "i think i have" or "i think it is my asthma" is not among them.
    'i think it is a', 'i think it is an', 'i think it is just', 'i think this is a', 'i think this is an', 'i think that is a', 'i think that is an', 'i think you have', 'i think you might', 'i think you may', 'i think he has', 'i think she has'],
  /** The past, not now: a historical symptom is no current complaint. */
  historical: ['used to', 'in the past', 'as a child', 'when i was', 'history of', 'previous', 'previously', 'years ago', 'last year', 'back then'],
  /** Someone other than the patient: their findings are family or social history. */
  otherPerson: ['father', 'mother', 'brother', 'brothers', 'sister', 'sisters', 'wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'family', 'familial', 'grandfather', 'grandmother', 'grandma', 'grandpa', 'granny', 'nan', 'nana', 'grandson', 'granddaughter', 'grandchildren', 'grandkids', 'parents', 'parent', 'uncle', 'uncles', 'aunt', 'aunts', 'auntie', 'dad', 'mom', 'mum', 'stepfather', 'stepmother', 'stepdad', 'stepmom', 'stepson', 'stepdaughter', 'cousin', 'cousins', 'nephew', 'nephews', 'niece', 'nieces', 'sibling', 'siblings', 'half brother', 'half sister', 'relatives', 'relative', 'partner', 'spouse', 'boyfriend', 'girlfriend', 'friend', 'friends', 'runs in', 'run in', 'running in', 'grandparents', 'kids', 'children', 'anyone in', 'anybody in', 'any one in', 'anyone else in', 'anybody else in', 'someone had', 'someone has', 'somebody had', 'somebody has', 'someone with', 'anyone with', 'anybody with', 'anyone had', 'anyone has', 'anyone else', 'other people', 'some people', 'most people', 'many people', 'a lot of people', 'lots of people', 'people with', 'people who', 'another patient', 'other patients', 'a patient', 'patients with', 'patients who', 'some patients', 'most patients', 'many patients'],
  /**
   * Said after a finding that has ended ("the swelling went away", "i had a fever but it is gone now"): no current
   * complaint. Not after "not" or "never" ("it has not gone away"); see find-findings.ts for which terms it covers.
   */
  resolved: ['went away', 'gone away', 'is gone', 'was gone', 'are gone', 'were gone', 'has gone', 'have gone', 'cleared up', 'has cleared', 'have cleared', 'had cleared', 'resolved', 'has stopped', 'have stopped', 'had stopped', 'healed up', 'has healed', 'have healed', 'disappeared', 'subsided'],
} as const;
