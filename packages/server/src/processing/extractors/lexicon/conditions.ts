import type { LexiconEntry, LexiconSource } from './lexicon-entry.js';

/**
 * Where the condition and symptom facts come from: codes are WHO ICD-10 (2019 edition) categories or subcategories;
 * a term without a code was not matched to one with confidence and carries none. Written for this project: names
 * and codes only, no text copied from the classification.
 */
export const CONDITION_SOURCES: readonly LexiconSource[] = [
  { title: 'International Statistical Classification of Diseases and Related Health Problems, 10th Revision (ICD-10), 2019 version', publisher: 'World Health Organization', used_for: 'condition and symptom codes' },
  { title: 'MedlinePlus Health Topics (public domain)', publisher: 'US National Library of Medicine', used_for: 'US lay names of conditions and symptoms' },
  { title: 'Medical Subject Headings (MeSH), anatomy trees A01 Body Regions and A02 Musculoskeletal System (public domain)', publisher: 'US National Library of Medicine', used_for: 'the body parts a pain or swelling is said in (buttock, groin, thigh, sole, armpit, temple, collarbone, tailbone, rib, sternum, ...), each put under the ICD-10 site its region is coded to' },
  { title: 'Health A to Z (Open Government Licence v3.0)', publisher: 'NHS website (NHS England)', used_for: 'UK lay names (back passage, pins and needles, piles, a temperature, a chesty cough, a water infection, when I wee, feeling faint, feeling low)' },
];

/** Conditions (diagnoses) with spoken synonyms and ICD-10 codes. */
export const CONDITIONS: readonly LexiconEntry[] = [
  { name: 'hypertension', synonyms: ['high blood pressure', 'high bp', 'raised blood pressure', 'hypertensive'], code: 'I10' },
  { name: 'type 2 diabetes mellitus', synonyms: ['type 2 diabetes', 'type two diabetes'], code: 'E11' },
  { name: 'type 1 diabetes mellitus', synonyms: ['type 1 diabetes', 'type one diabetes'], code: 'E10' },
  { name: 'diabetes mellitus', synonyms: ['diabetes'], code: 'E14' },
  { name: 'asthma', synonyms: ['asthma attack', 'bronchial asthma'], code: 'J45.9' },
  { name: 'chronic obstructive pulmonary disease', synonyms: ['copd'], code: 'J44.9' },
  { name: 'migraine', code: 'G43.9' },
  { name: 'tension-type headache', synonyms: ['tension headache'], code: 'G44.2' },
  { name: 'acute upper respiratory infection', synonyms: ['upper respiratory infection', 'upper respiratory tract infection', 'urti', 'uri'], code: 'J06.9' },
  { name: 'viral infection', synonyms: ['viral fever', 'virus infection'], code: 'B34.9' },
  { name: 'influenza', synonyms: ['flu'], code: 'J11.1' },
  { name: 'common cold', synonyms: ['have a cold', 'had a cold', 'got a cold', 'caught a cold', 'having a cold', 'head cold'], code: 'J00' },
  { name: 'acute pharyngitis', synonyms: ['pharyngitis', 'throat infection'], code: 'J02.9' },
  { name: 'acute tonsillitis', synonyms: ['tonsillitis'], code: 'J03.9' },
  { name: 'acute sinusitis', synonyms: ['sinusitis', 'sinus infection'], code: 'J01.9' },
  { name: 'pneumonia', code: 'J18.9' },
  { name: 'acute bronchitis', synonyms: ['bronchitis', 'chest infection'], code: 'J20.9' },
  { name: 'allergic rhinitis', synonyms: ['hay fever', 'seasonal allergies'], code: 'J30.4' },
  { name: 'gastritis', code: 'K29.7' },
  { name: 'gastro-oesophageal reflux disease', synonyms: ['acid reflux', 'reflux disease', 'gerd', 'gord'], code: 'K21.9' },
  { name: 'peptic ulcer', synonyms: ['ulcer', 'stomach ulcer', 'gastric ulcer', 'duodenal ulcer'], code: 'K27.9' },
  { name: 'gastroenteritis', synonyms: ['stomach infection', 'stomach flu'], code: 'A09' },
  { name: 'irritable bowel syndrome', synonyms: ['ibs'], code: 'K58.9' },
  { name: 'urinary tract infection', synonyms: ['urine infection', 'uti', 'water infection'], code: 'N39.0' },
  { name: 'kidney stone', synonyms: ['renal stone', 'kidney stones'], code: 'N20.0' },
  { name: 'chronic kidney disease', synonyms: ['ckd'], code: 'N18.9' },
  { name: 'anaemia', synonyms: ['anemia'], code: 'D64.9' },
  { name: 'hypothyroidism', synonyms: ['underactive thyroid', 'low thyroid'], code: 'E03.9' },
  { name: 'hyperthyroidism', synonyms: ['overactive thyroid'], code: 'E05.9' },
  { name: 'hyperlipidaemia', synonyms: ['hyperlipidemia', 'high cholesterol', 'hypercholesterolemia', 'hypercholesterolaemia', 'dyslipidemia', 'dyslipidaemia'], code: 'E78.5' },
  { name: 'obesity', code: 'E66.9' },
  { name: 'angina pectoris', synonyms: ['angina'], code: 'I20.9' },
  { name: 'acute myocardial infarction', synonyms: ['heart attack', 'myocardial infarction'], code: 'I21.9' },
  { name: 'heart failure', synonyms: ['congestive heart failure', 'chf'], code: 'I50.9' },
  { name: 'atrial fibrillation', synonyms: ['afib', 'a fib'], code: 'I48.9' },
  { name: 'stroke', code: 'I64' },
  { name: 'epilepsy', code: 'G40.9' },
  { name: 'osteoarthritis', code: 'M19.9' },
  { name: 'rheumatoid arthritis', code: 'M06.9' },
  { name: 'arthritis', code: 'M13.9' },
  { name: 'depression', synonyms: ['depressive episode', 'depressed', 'low mood', 'feeling down', 'feeling low'], code: 'F32.9' },
  { name: 'anxiety disorder', synonyms: ['anxiety'], code: 'F41.9' },
  { name: 'insomnia', code: 'G47.0' },
  { name: 'eczema', synonyms: ['dermatitis'], code: 'L30.9' },
  { name: 'conjunctivitis', synonyms: ['pink eye'], code: 'H10.9' },
  { name: 'otitis media', synonyms: ['middle ear infection', 'ear infection'], code: 'H66.9' },
  { name: 'malaria', code: 'B54' },
  { name: 'typhoid fever', synonyms: ['typhoid'], code: 'A01.0' },
  { name: 'dengue', synonyms: ['dengue fever'] },
  { name: 'respiratory tuberculosis', synonyms: ['tuberculosis', 'tb'], code: 'A16.9' },
  { name: 'covid-19', synonyms: ['covid', 'coronavirus infection'], code: 'U07.1' },
  { name: 'allergy', synonyms: ['allergies'], code: 'T78.4' },
  // Added for issue 13: conditions of primary care (names as in NHS Health A to Z and MedlinePlus, codes WHO ICD-10).
  { name: 'bursitis', code: 'M71.9' },
  { name: 'anaphylaxis', synonyms: ['anaphylactic reaction', 'anaphylactic shock'], code: 'T78.2' },
  { name: "bell's palsy", synonyms: ['bell s palsy', 'bells palsy', 'bell palsy', 'facial palsy'], code: 'G51.0' },
  { name: 'meningitis', code: 'G03.9' },
  { name: 'septic arthritis', code: 'M00.9' },
  { name: 'osteoporosis', code: 'M81.9' },
  { name: 'sleep apnoea', synonyms: ['sleep apnea', 'obstructive sleep apnea', 'obstructive sleep apnoea', 'osa'], code: 'G47.3' },
  { name: 'gout', code: 'M10.9' },
  { name: 'cellulitis', code: 'L03.9' },
  { name: 'coronary artery disease', synonyms: ['coronary disease', 'cad', 'heart disease'], code: 'I25.1' },
  { name: 'deep vein thrombosis', synonyms: ['dvt', 'blood clot', 'blood clots'], code: 'I80.2' },
  { name: 'pulmonary embolism', code: 'I26.9' },
  { name: 'cancer', synonyms: ['malignancy', 'carcinoma', 'tumour', 'tumor'], code: 'C80.9' },
  { name: 'leukaemia', synonyms: ['leukemia'], code: 'C95.9' },
  { name: 'lymphoma', code: 'C85.9' },
  { name: 'hepatitis', code: 'K75.9' },
  { name: 'cirrhosis', synonyms: ['cirrhosis of the liver', 'liver cirrhosis'], code: 'K74.6' },
  { name: 'pancreatitis', code: 'K85.9' },
  { name: 'appendicitis', code: 'K37' },
  { name: 'dementia', code: 'F03' },
  { name: "alzheimer's disease", synonyms: ['alzheimer s', 'alzheimers', 'alzheimer s disease', 'alzheimers disease'], code: 'G30.9' },
  { name: "parkinson's disease", synonyms: ['parkinson s', 'parkinsons', 'parkinson s disease', 'parkinsons disease'], code: 'G20' },
  { name: 'multiple sclerosis', code: 'G35' },
  { name: 'psoriasis', code: 'L40.9' },
  { name: 'acne', code: 'L70.9' },
  { name: 'hiv disease', synonyms: ['hiv'], code: 'B24' },
  { name: 'benign prostatic hyperplasia', synonyms: ['bph', 'enlarged prostate'], code: 'N40' },
  { name: 'carpal tunnel syndrome', synonyms: ['carpal tunnel'], code: 'G56.0' },
  { name: 'fibromyalgia', code: 'M79.7' },
  { name: 'concussion', code: 'S06.0' },
  { name: 'fracture', synonyms: ['broken bone'], code: 'T14.2' },
  { name: 'glaucoma', code: 'H40.9' },
  { name: 'cataract', code: 'H26.9' },
  { name: 'haemorrhoids', synonyms: ['hemorrhoids', 'piles'], code: 'K64.9' },
  { name: 'vitamin d deficiency', code: 'E55.9' },
  { name: 'scoliosis', code: 'M41.9' },
  { name: 'osteomyelitis', code: 'M86.9' },
  { name: 'sepsis', code: 'A41.9' },
  { name: 'cystitis', synonyms: ['bladder infection'], code: 'N30.9' },
  { name: 'tinea', synonyms: ['ringworm', 'athlete s foot', 'athletes foot', 'fungal infection'], code: 'B35.9' },
  { name: 'shingles', synonyms: ['herpes zoster'], code: 'B02.9' },
  { name: 'chickenpox', synonyms: ['chicken pox', 'varicella'], code: 'B01.9' },
];

// The ways a pain in one part is said ("my knee hurts", "pain in my left knee", "a sore knee", "these knees have been
// bothering me"); `parts` is the plural, where it is not the part with an s. Not "I hurt my knee": an injury, which
// notes record as one.
function painIn(part: string, parts = `${part}s`): string[] {
  return [
    `pain in the ${part}`, `the ${part} hurts`, `the ${part} hurt`, `the ${part} is hurting`, `the ${part} has been hurting`, `the ${part} is killing me`,
    `the ${part} is sore`, `the ${part} is painful`, `the ${part} is aching`, `the ${part} started hurting`, `the ${part} started to hurt`, `the ${part} is bothering me`, `the ${part} has been bothering me`, `sore ${part}`, `${part} ache`, `${part} pain`, `aching ${part}`, `painful ${part}`,
    `the ${parts} hurt`, `the ${parts} are hurting`, `the ${parts} have been hurting`, `the ${parts} are killing me`, `the ${parts} are sore`, `the ${parts} have been bothering me`,
  ];
}

// A part said to be swollen in lay words ("my foot was huge", "my ankles blew up", "my hand ballooned"): only parts
// that swell, so "my belly is huge" is no swelling. "puffy ankles", "swollen knee" are already "puffy", "swollen".
function swollenPart(part: string, parts: string): string[] {
  return [
    `the ${part} is huge`, `the ${part} was huge`, `the ${part} got huge`, `the ${part} blew up`, `the ${part} ballooned`, `the ${part} is twice the size`, `the ${part} was twice the size`,
    `the ${parts} are huge`, `the ${parts} were huge`, `the ${parts} got huge`, `the ${parts} blew up`, `the ${parts} ballooned`,
  ];
}
const SWELLING_PARTS: readonly [string, string][] = [['ankle', 'ankles'], ['foot', 'feet'], ['leg', 'legs'], ['knee', 'knees'], ['hand', 'hands'], ['finger', 'fingers'], ['wrist', 'wrists'], ['toe', 'toes'], ['face', 'faces'], ['eye', 'eyes'], ['eyelid', 'eyelids'], ['lip', 'lips'], ['calf', 'calves']];

/** Symptoms with spoken synonyms and ICD-10 symptom codes where one fits. */
export const SYMPTOMS: readonly LexiconEntry[] = [
  { name: 'chest pain', synonyms: ['pain in the chest', 'chest discomfort', ...painIn('chest'), ...painIn('rib'), ...painIn('sternum', 'sternums'), ...painIn('breastbone'), 'chest wall pain'], code: 'R07.4' },
  { name: 'chest tightness', synonyms: ['tightness in the chest', 'tight chest', 'chest pressure', 'pressure in the chest', 'heaviness in the chest', 'heavy chest'] },
  { name: 'cough', synonyms: ['coughing', 'dry cough', 'wet cough', 'coughed', 'chesty cough', 'tickly cough'], code: 'R05' },
  { name: 'fever', synonyms: ['feverish', 'pyrexia', 'high temperature', 'got a temperature', 'have a temperature', 'had a temperature', 'running a temperature', 'ran a temperature'], code: 'R50.9' },
  { name: 'headache', synonyms: ['head ache', 'head pain', 'headaches', 'the head hurts', 'the head is hurting', 'the head is killing me', 'pounding head', ...painIn('temple'), ...painIn('forehead')], code: 'R51' },
  { name: 'sore throat', synonyms: ['throat pain', 'pain in the throat', 'painful throat', 'the throat hurts', 'the throat is sore', 'scratchy throat'], code: 'R07.0' },
  { name: 'shortness of breath', synonyms: ['short of breath', 'breathlessness', 'breathless', 'difficulty breathing', 'difficulty in breathing', 'trouble breathing', 'dyspnoea', 'dyspnea', 'winded', 'cannot catch my breath', 'can not catch my breath', 'out of breath', 'hard to breathe', 'hard time breathing', 'struggling to breathe', 'struggle to breathe', 'gasping for air', 'gasping for breath', 'difficult to breathe', 'breathing difficulty', 'breathing difficulties', 'breathing problems', 'trouble catching my breath', 'get winded'], code: 'R06.0' },
  { name: 'wheezing', synonyms: ['wheeze', 'wheezy'], code: 'R06.2' },
  { name: 'nausea', synonyms: ['nauseous', 'nauseated', 'feel sick', 'queasy', 'nauseousness', 'sick to my stomach', 'sick to the stomach', 'going to throw up', 'feel like throwing up', 'feel like vomiting', 'upset stomach', 'stomach upset', 'queasiness'], code: 'R11' },
  { name: 'vomiting', synonyms: ['vomit', 'vomited', 'throwing up', 'threw up', 'emesis', 'throw up', 'throws up', 'thrown up', 'throwing up blood', 'puking', 'puke', 'puked', 'vomits'], code: 'R11' },
  { name: 'diarrhoea', synonyms: ['diarrhea', 'loose motions', 'loose motion', 'loose stools', 'watery stools', 'have the runs', 'had the runs', 'got the runs', 'having the runs', 'runny stools', 'runny stool', 'loose bowels', 'loose bowel movements'] },
  { name: 'constipation', synonyms: ['constipated', 'hard stools', 'difficulty passing stool', 'trouble passing stool', 'bunged up'], code: 'K59.0' },
  { name: 'abdominal pain', synonyms: ['stomach pain', 'stomach ache', 'stomachache', 'tummy pain', 'belly pain', 'pain in the stomach', 'pain in the abdomen', ...painIn('stomach'), ...painIn('tummy'), ...painIn('belly'), ...painIn('abdomen'), 'abdominal cramps', 'abdominal cramping', 'stomach cramps', 'tummy ache', 'belly ache', 'bellyache', 'abdominal discomfort', 'cramps in the stomach', 'cramping in the stomach', 'stomach cramping', 'tummy cramps', 'gut pain'], code: 'R10.4' },
  { name: 'heartburn', synonyms: ['acidity', 'acid indigestion', 'indigestion', 'reflux symptoms'], code: 'R12' },
  { name: 'dizziness', synonyms: ['dizzy', 'giddiness', 'giddy', 'lightheaded', 'light headed', 'vertigo', 'spinning sensation', 'room spinning', 'woozy', 'lightheadedness', 'light headedness', 'dizzy spells', 'dizzy spell', 'head spinning', 'feel faint', 'feeling faint', 'felt faint', 'room is spinning'], code: 'R42' },
  { name: 'fatigue', synonyms: ['tiredness', 'tired', 'exhaustion', 'exhausted', 'lethargy', 'fatigued', 'malaise', 'tired all the time', 'worn out', 'no energy', 'low energy', 'lack of energy', 'sluggish', 'run down', 'drained', 'knackered', 'wiped out', 'tired out', 'always tired', 'low on energy'], code: 'R53' },
  // Weakness (loss of strength) is another finding than fatigue (loss of energy): ICD-10-CM splits them (R53.1, R53.83);
  // WHO ICD-10, which this lexicon codes to, has only R53 "malaise and fatigue" for both, so both carry R53.
  { name: 'weakness', synonyms: ['weak', 'weaker', 'generalised weakness', 'generalized weakness', 'loss of strength', 'lack of strength'], code: 'R53' },
  // A symptom complex, not the disease: WHO ICD-10 has no code for it; influenza is read only when named.
  { name: 'flu-like symptoms', synonyms: ['flu like symptom', 'flulike symptom', 'flu like illness', 'influenza like illness', 'influenza like symptom'] },
  { name: 'body ache', synonyms: ['body aches', 'bodyaches', 'body pain', 'muscle pain', 'muscle ache', 'myalgia', 'aching all over', 'aches and pains', 'sore muscles', 'muscles ache', 'muscles are aching'], code: 'M79.1' },
  // Low back pain is its own concept (ICD-10 M54.5, a subcategory of dorsalgia M54): a pain "in my lower back" is it,
  // however it is said, and it comes before back pain so the same words ("my lower back hurts", where "the back hurts"
  // also fits, the side read as a determiner's) name it. A symptom like back pain, not a diagnosis.
  { name: 'low back pain', synonyms: ['lower back pain', 'lumbago', 'lumbar pain', 'lower backache', 'low backache', ...painIn('lower back'), ...painIn('low back')], code: 'M54.5' },
  { name: 'back pain', synonyms: ['backache', 'back ache', 'pain in the back', ...painIn('back'), 'bad back', ...painIn('spine')], code: 'M54.9' },
  { name: 'neck pain', synonyms: ['pain in the neck', ...painIn('neck')], code: 'M54.2' },
  { name: 'joint pain', synonyms: ['joint pains', 'pain in the joints', 'arthralgia'], code: 'M25.5' },
  { name: 'knee pain', synonyms: ['pain in the knee', ...painIn('knee'), ...painIn('kneecap')], code: 'M25.56' },
  { name: 'runny nose', synonyms: ['running nose', 'rhinorrhoea', 'rhinorrhea', 'nasal discharge', 'nose is running', 'drippy nose', 'nose running', 'snotty nose', 'sniffles', 'sniffly'] },
  { name: 'nasal congestion', synonyms: ['blocked nose', 'stuffy nose', 'nose block', 'stuffed up', 'blocked up nose', 'nose stuffy', 'nose blocked', 'nose congested', 'stuffed nose', 'stuffed up nose', 'bunged up nose'] },
  { name: 'sneezing', synonyms: ['sneeze'], code: 'R06.7' },
  { name: 'rash', synonyms: ['skin rash'], code: 'R21' },
  { name: 'itching', synonyms: ['itchy', 'itch', 'pruritus', 'itchiness'], code: 'L29.9' },
  { name: 'palpitations', synonyms: ['palpitation', 'racing heart', 'heart racing', 'heart is racing', 'heart beating fast', 'heart beating kinda fast', 'heart beating kind of fast', 'heart beating really fast', 'heart is beating fast', 'heart pounding', 'pounding heart', 'fast heartbeat', 'fluttering in my chest', 'heart skipping beats', 'heart skipping a beat', 'skipped beats', 'heart fluttering', 'fluttering heart', 'heart flutters', 'heart thumping', 'thumping heart'], code: 'R00.2' },
  { name: 'excessive thirst', synonyms: ['thirsty', 'very thirsty', 'polydipsia'], code: 'R63.1' },
  { name: 'frequent urination', synonyms: ['polyuria', 'passing urine frequently', 'urinating frequently', 'urinary frequency', 'peeing a lot', 'going to the bathroom a lot', 'urinating a lot', 'peeing more often', 'nocturia', 'pee frequently', 'urinate frequently', 'frequency with urination', 'frequency of urination', 'go to the bathroom frequently', 'use the bathroom frequently', 'up at night to pee', 'weeing a lot', 'weeing more often', 'wee a lot'], code: 'R35' },
  { name: 'painful urination', synonyms: ['dysuria', 'burning urination', 'burning while passing urine', 'pain while passing urine', 'hurts when i pee', 'hurts to pee', 'burns when i pee', 'burning when i pee', 'pain when i pee', 'pain in urination', 'pain with urination', 'painful urination', 'burning urine', 'burning with urination', 'burning sensation when i urinate', 'burning when i urinate', 'burns when i urinate', 'burns to pee', 'burns to urinate', 'burning when urinating', 'pain when urinating', 'hurts when i urinate', 'stinging when i pee', 'hurts when i wee', 'burns when i wee', 'stings when i wee', 'pain when i wee'], code: 'R30.0' },
  { name: 'loss of appetite', synonyms: ['poor appetite', 'no appetite', 'decreased appetite', 'low appetite', 'appetite is down', 'lost my appetite', 'anorexia', 'not eating much', 'not been eating much', 'appetite is decreased', 'appetite has decreased', 'appetite is poor', 'not hungry', 'not eating', 'off the food', 'not feel like eating'], code: 'R63.0' },
  { name: 'weight loss', synonyms: ['losing weight', 'lost weight', 'lost some weight', 'lost a lot of weight', 'losing some weight', 'dropped weight'], code: 'R63.4' },
  { name: 'chills', synonyms: ['shivering', 'rigors', 'chilled', 'shivers', 'shivery'] },
  { name: 'swelling', synonyms: ['swollen', 'edema', 'oedema', 'puffiness', 'puffy', 'swell', 'swelled', 'swelling up', 'swollen up', 'puffed up', ...SWELLING_PARTS.flatMap(([part, parts]) => swollenPart(part, parts))], code: 'R60.0' },
  { name: 'ear pain', synonyms: ['earache', 'ear ache', 'otalgia', ...painIn('ear')], code: 'H92.0' },
  { name: 'fainting', synonyms: ['fainted', 'passed out', 'blackout', 'syncope', 'syncopal episode', 'blacked out', 'passing out', 'pass out', 'lost consciousness', 'loss of consciousness', 'fainting spells'], code: 'R55' },
  { name: 'sleep difficulty', synonyms: ['trouble sleeping', 'difficulty sleeping', 'cannot sleep', 'unable to sleep', 'not able to sleep', 'not sleeping well', 'not been sleeping well', 'trouble falling asleep', 'difficulty falling asleep', 'hard to fall asleep', 'trouble staying asleep', 'problems sleeping', 'sleep problems', 'poor sleep', 'sleeping poorly', 'sleeping badly', 'not getting much sleep', 'not gotten much sleep', 'not getting enough sleep', 'hard time sleeping'] },
  // Added for issue 13: lay, British and Indian wordings (checked against MedlinePlus and NHS Health A to Z).
  { name: 'tinnitus', synonyms: ['ringing in the ear', 'ringing in the ears', 'ringing ears', 'buzzing in the ears', 'ringing in both ears', 'ears ringing', 'ears are ringing'], code: 'H93.1' },
  { name: 'hearing loss', synonyms: ['cannot really hear as well', 'cannot hear as well', 'can not hear as well', 'hard of hearing', 'trouble hearing', 'hearing problems', 'hearing problem', 'decreased hearing', 'hearing impairment', 'difficulty hearing', 'hearing difficulty', 'hearing difficulties', 'loss of hearing'], code: 'H91.9' },
  { name: 'blood in stool', synonyms: ['blood in the stool', 'bloody stool', 'rectal bleeding', 'bleeding from the back passage', 'hematochezia', 'haematochezia', 'melena', 'melaena', 'black stool', 'tarry stool', 'blood on the toilet paper', 'bleeding from the bottom'], code: 'K92.2' },
  { name: 'blood in urine', synonyms: ['blood in the urine', 'blood while urinating', 'hematuria', 'haematuria', 'blood in the pee', 'bloody urine'], code: 'R31' },
  { name: 'coughing up blood', synonyms: ['hemoptysis', 'haemoptysis', 'cough up blood', 'coughed up blood', 'blood in the sputum', 'blood in sputum', 'bloody sputum', 'blood in the phlegm', 'blood in phlegm', 'spitting up blood', 'coughing blood'], code: 'R04.2' },
  { name: 'numbness', synonyms: ['numb', 'numbing', 'loss of feeling', 'lost feeling', 'loss of sensation'], code: 'R20.0' },
  { name: 'tingling', synonyms: ['pins and needles', 'paresthesia', 'paraesthesia', 'paresthesias', 'tingly', 'paraesthesias', 'prickling', 'tingle'], code: 'R20.2' },
  { name: 'difficulty swallowing', synonyms: ['trouble swallowing', 'difficulty in swallowing', 'hard to swallow', 'dysphagia', 'painful swallowing', 'swallowing difficulty', 'swallowing difficulties', 'swallowing problems', 'problems swallowing', 'trouble with swallowing', 'odynophagia'], code: 'R13' },
  { name: 'blurred vision', synonyms: ['blurry vision', 'blurred eyesight', 'double vision', 'vision is blurry', 'blurriness', 'blurry', 'blurring', 'blurring of vision', 'fuzzy vision', 'vision is fuzzy'], code: 'H53.8' },
  // An ulcer named by its place is not peptic: a bare "ulcer" beside a place is read as that place's (clinical-matcher.ts).
  // WHO ICD-10 puts an ulcer of the lower limb under L97 and keeps L98.4 for the skin elsewhere.
  { name: 'mouth ulcer', synonyms: ['mouth sore', 'oral ulcer', 'aphthous ulcer', 'canker sore', 'ulcer in the mouth', 'ulcers in the mouth', 'sore in the mouth', 'sores in the mouth'], code: 'K12.1' },
  { name: 'skin ulcer', synonyms: ['ulcer on the skin', 'ulcers on the skin'], code: 'L98.4' },
  { name: 'leg ulcer', synonyms: ['foot ulcer', 'ankle ulcer', 'venous ulcer', 'stasis ulcer', 'ulcer on the leg', 'ulcers on the leg', 'ulcer on the foot', 'ulcers on the foot'], code: 'L97' },
  // Changes or problems of vision are broader than blurring: their own finding.
  { name: 'visual disturbance', synonyms: ['vision changes', 'visual changes', 'vision change', 'visual change', 'vision problems', 'visual problems', 'visual difficulties', 'visual difficulty', 'visual disturbances', 'changes in vision', 'changes in my vision', 'change in vision', 'change in my vision', 'problems with vision', 'problems with my vision', 'trouble with my vision', 'vision trouble', 'difficulty seeing', 'trouble seeing', 'problems seeing'], code: 'H53.9' },
  { name: 'night sweats', synonyms: ['sweating at night', 'sweats', 'sweating in the night', 'sweat at night', 'drenched in sweat'], code: 'R61' },
  { name: 'weight gain', synonyms: ['gained weight', 'putting on weight'], code: 'R63.5' },
  { name: 'seizure', synonyms: ['seizures', 'convulsion', 'convulsions'], code: 'R56.8' },
  { name: 'shoulder pain', synonyms: ['pain in the shoulder', ...painIn('shoulder'), ...painIn('shoulder blade'), ...painIn('collarbone'), ...painIn('collar bone')], code: 'M25.51' },
  { name: 'leg pain', synonyms: ['pain in the leg', ...painIn('leg'), ...painIn('calf', 'calves'), ...painIn('shin'), ...painIn('thigh')], code: 'M79.6' },
  { name: 'hip pain', synonyms: ['pain in the hip', ...painIn('hip'), ...painIn('hip flexor')], code: 'M25.55' },
  { name: 'foot pain', synonyms: ['pain in the foot', ...painIn('foot'), ...painIn('feet', 'feet'), ...painIn('heel'), ...painIn('sole'), ...painIn('instep')], code: 'M79.67' },
  { name: 'hand pain', synonyms: ['pain in the hand', 'wrist pain', ...painIn('hand'), ...painIn('wrist'), ...painIn('finger'), ...painIn('thumb'), ...painIn('palm'), ...painIn('knuckle')], code: 'M79.64' },
  { name: 'pelvic pain', synonyms: painIn('pelvis', 'pelvises'), code: 'R10.2' },
  { name: 'toe pain', synonyms: [...painIn('toe'), ...painIn('big toe'), ...painIn('little toe')], code: 'M79.67' },
  { name: 'elbow pain', synonyms: painIn('elbow'), code: 'M25.52' },
  { name: 'ankle pain', synonyms: painIn('ankle'), code: 'M25.57' },
  { name: 'arm pain', synonyms: [...painIn('arm'), ...painIn('forearm')], code: 'M79.62' },
  { name: 'eye pain', synonyms: [...painIn('eye'), 'eyes hurt', 'eyes are sore'], code: 'H57.1' },
  { name: 'jaw pain', synonyms: painIn('jaw') },
  { name: 'toothache', synonyms: ['tooth ache', 'tooth pain', 'dental pain', ...painIn('tooth'), ...painIn('teeth', 'teeth')], code: 'K08.8' },
  { name: 'incontinence', synonyms: ['urinary incontinence', 'leaking urine', 'bladder leakage', 'involuntary urination', 'wet myself', 'wetting myself', 'leakage of urine', 'urine leakage', 'bladder weakness'], code: 'R32' },
  { name: 'snoring', synonyms: ['snore'], code: 'R06.5' },
  { name: 'congestion', synonyms: ['congested', 'chest congestion'], code: 'R09.8' },
  { name: 'hot flushes', synonyms: ['hot flashes'], code: 'N95.1' },
  { name: 'memory loss', synonyms: ['forgetfulness', 'memory problems'], code: 'R41.3' },
  { name: 'confusion', synonyms: ['confused', 'disoriented', 'disorientation', 'disorientated'], code: 'R41.0' },
  { name: 'bruising', synonyms: ['bruises', 'bruise easily'], code: 'R23.3' },
  // Body regions of MeSH A01 that no pain above names; no ICD-10 code is given where none names the region alone.
  { name: 'buttock pain', synonyms: [...painIn('buttock'), ...painIn('buttocks', 'buttocks')] },
  { name: 'groin pain', synonyms: painIn('groin') },
  { name: 'armpit pain', synonyms: ['axillary pain', ...painIn('armpit'), ...painIn('underarm')] },
  { name: 'tailbone pain', synonyms: ['coccydynia', 'coccygodynia', ...painIn('tailbone'), ...painIn('tail bone'), ...painIn('coccyx', 'coccyxes')], code: 'M53.3' },
  // "a pain in my left side" is the lay name of a flank pain (MedlinePlus, Flank pain); "the side of my head" is a place
  // (clinical-matcher.ts).
  { name: 'flank pain', synonyms: [...painIn('flank'), ...painIn('side')] },
  { name: 'facial pain', synonyms: ['face pain', ...painIn('face'), ...painIn('cheek')] },
  { name: 'breast pain', synonyms: ['mastalgia', ...painIn('breast')], code: 'N64.4' },
  { name: 'testicular pain', synonyms: [...painIn('testicle'), ...painIn('testis', 'testes')] },
];
