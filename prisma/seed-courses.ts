export type SeedLesson = { title: string; body: string };

export type SeedCourse = {
  slug: string;
  title: string;
  summary: string;
  category: string;
  estimatedMinutes: number;
  lessons: SeedLesson[];
};

const paragraphs = (...parts: string[]): string => parts.join("\n\n");

export const seedCourses: SeedCourse[] = [
  {
    slug: "safeguarding-essentials",
    title: "Safeguarding essentials",
    summary:
      "The core safeguarding knowledge every member of school staff needs, based on the statutory guidance Keeping Children Safe in Education. Learn to recognise concerns, respond to disclosures and report to the designated safeguarding lead without delay.",
    category: "Safeguarding",
    estimatedMinutes: 60,
    lessons: [
      {
        title: "Safeguarding is everyone's responsibility",
        body: paragraphs(
          "Keeping Children Safe in Education is statutory guidance from the Department for Education that schools and colleges in England must have regard to when carrying out their duties to safeguard and promote the welfare of children. Every member of staff should read at least Part one of the guidance, and your school will ask you to confirm that you have read and understood it, along with the school's child protection policy and staff behaviour policy, often called the code of conduct.",
          "Safeguarding and promoting the welfare of children is defined broadly. It means protecting children from maltreatment, preventing impairment of their mental and physical health or development, ensuring they grow up in circumstances consistent with the provision of safe and effective care, and taking action to enable all children to have the best outcomes. A child is anyone under the age of 18.",
          "The guidance is clear that everyone who comes into contact with children has a role to play. Staff should maintain an attitude of 'it could happen here' and always act in the best interests of the child. No single practitioner can have a full picture of a child's needs and circumstances, so sharing what you notice, however small, helps others to build that picture. If in doubt, speak to the designated safeguarding lead (DSL) or a deputy."
        ),
      },
      {
        title: "Recognising abuse and neglect",
        body: paragraphs(
          "Keeping Children Safe in Education describes four main categories of abuse: physical abuse, emotional abuse, sexual abuse and neglect. Abuse can be carried out by adults or by other children, can happen in person or online, and children may experience more than one form at the same time. In most cases abuse and neglect are not one-off events, so a single incident may be part of a wider pattern.",
          "Possible indicators include unexplained or repeated injuries, injuries in places unlikely to be accidental, changes in behaviour or mood, withdrawal, anxiety, sexualised behaviour or knowledge inappropriate for the child's age, poor hygiene, persistent hunger, frequent absence or going missing from education, and reluctance to go home. None of these proves abuse on its own, but each is a reason to stay curious and to pass on what you have noticed.",
          "Be aware that some children face additional barriers to being recognised. Children with special educational needs or disabilities may have signs of abuse mistaken for their condition, and some children do not feel ready or know how to tell anyone. The guidance also highlights specific issues such as child-on-child abuse, child criminal and sexual exploitation, domestic abuse, female genital mutilation and serious violence. Your role is not to investigate, but to notice and report."
        ),
      },
      {
        title: "Responding when a child tells you something",
        body: paragraphs(
          "If a child discloses abuse, stay calm and listen. Let them speak in their own words and at their own pace. Use open prompts such as 'tell me more' or 'what happened next', and avoid leading questions that suggest an answer. Reassure the child that they have done the right thing in telling you and that they will be taken seriously. Never make them feel they are creating a problem by reporting.",
          "Do not promise to keep a secret. Explain, in language the child can understand, that you will need to share what they have told you with the people whose job it is to help keep them safe. Do not confront the alleged abuser, do not examine injuries beyond what you can see, and do not ask the child to repeat their account to others unnecessarily.",
          "As soon as possible afterwards, write an accurate record of what the child said, using their words rather than your interpretation, and note the date, time, place and anyone else present. Record what you saw, such as visible injuries or the child's demeanour. Then pass the information to the DSL straight away using your school's reporting system. If you think a child is in immediate danger, do not wait: contact the police or children's social care directly and inform the DSL."
        ),
      },
      {
        title: "Reporting and recording concerns",
        body: paragraphs(
          "Every school must have a designated safeguarding lead, a member of the senior leadership team who takes lead responsibility for safeguarding and child protection. Most schools also have one or more deputies. The DSL decides on the next steps for a concern, which may include monitoring, offering early help, making a referral to children's social care or contacting the police. Any member of staff can make a referral directly if they need to, but should inform the DSL as soon as possible.",
          "Early help means providing support as soon as a problem emerges, at any point in a child's life. Staff should be alert to children who may benefit from early help, for example a child who is a young carer, is frequently missing from education, is misusing drugs or alcohol, or whose family circumstances present challenges for them. Early intervention can stop difficulties from escalating.",
          "Good records are essential. Record concerns promptly and factually in the system your school uses, whether that is a secure online platform or a paper form. Keep opinion separate from fact, sign and date entries, and never keep safeguarding notes in personal files or on personal devices. If you feel a concern has not been acted on and the child's situation is not improving, press for reconsideration. Safeguarding relies on respectful professional challenge."
        ),
      },
      {
        title: "Concerns about adults and whistleblowing",
        body: paragraphs(
          "Keeping Children Safe in Education sets out what to do when there are concerns about adults working in or on behalf of the school, including supply staff, volunteers and contractors. If an adult may have harmed a child, behaved in a way that indicates they may pose a risk of harm, or possibly committed a criminal offence against or related to a child, report it immediately to the headteacher. If the concern is about the headteacher, report it to the chair of governors or trustees.",
          "Allegations that meet this harm threshold are discussed with the local authority designated officer (LADO), who oversees how they are managed. Low-level concerns are those that do not meet the threshold but where an adult's behaviour is inconsistent with the staff code of conduct, such as being overly friendly with a pupil, having favourites, or taking photographs of children on a personal phone. These should still be shared in line with your school's policy, and you should self-report if you find yourself in a situation that could be misinterpreted.",
          "All staff should feel able to raise concerns about poor or unsafe practice. Your school's whistleblowing procedure explains how to do this, and if you feel unable to raise an issue internally, other channels are available, including the NSPCC whistleblowing advice line."
        ),
      },
      {
        title: "Child-on-child abuse and specific safeguarding issues",
        body: paragraphs(
          "Children can abuse other children. This is known as child-on-child abuse and can include bullying and cyberbullying, physical abuse, sexual violence and sexual harassment, upskirting, the consensual and non-consensual sharing of nude and semi-nude images, and initiation or hazing-type violence. Staff should never dismiss such behaviour as 'banter', 'just having a laugh' or 'part of growing up', because this can create a culture of unacceptable behaviour and make children less likely to report.",
          "Even if there are no reports in your school, it does not mean it is not happening. Challenge inappropriate behaviour consistently, and report concerns to the DSL in the same way as any other safeguarding concern. Where a report of sexual violence or sexual harassment is made, the DSL will consider the needs and safety of both the victim and the alleged perpetrator.",
          "Other specific issues you should know about include child criminal exploitation, such as county lines drug running, child sexual exploitation, domestic abuse, mental health concerns, and children who are absent or missing from education. Teachers also have a mandatory duty to report to the police if they discover that female genital mutilation appears to have been carried out on a girl under 18. Your DSL can explain local arrangements and specialist support for each of these areas."
        ),
      },
    ],
  },
  {
    slug: "prevent-duty",
    title: "The Prevent duty",
    summary:
      "What the Prevent duty means for schools, how to recognise that a pupil may be vulnerable to radicalisation, and how to act on a concern. Prevent is treated as part of a school's wider safeguarding arrangements.",
    category: "Safeguarding",
    estimatedMinutes: 35,
    lessons: [
      {
        title: "What the Prevent duty is",
        body: paragraphs(
          "Section 26 of the Counter-Terrorism and Security Act 2015 places a duty on specified authorities, including schools, to have due regard to the need to prevent people from being drawn into terrorism. This is known as the Prevent duty. The Home Office publishes statutory Prevent duty guidance, and Keeping Children Safe in Education makes clear that protecting children from radicalisation is part of a school's wider safeguarding responsibilities.",
          "Prevent is about early intervention and support. It is not about spying on pupils or families, and it is not a criminal justice process. Just as staff protect children from other forms of harm, they should be alert to the possibility that a child is being groomed or influenced towards extremist ideas, and should pass on concerns so that the right support can be offered.",
          "In practice, schools meet the duty through a combination of measures: staff training, a clear route for reporting concerns to the designated safeguarding lead (DSL), an assessment of local risks, appropriate filtering and monitoring of online activity, and a curriculum that helps pupils to think critically, discuss difficult issues safely and understand the harm caused by extremism."
        ),
      },
      {
        title: "Understanding radicalisation and extremism",
        body: paragraphs(
          "Radicalisation is the process by which a person comes to support terrorism and extremist ideologies associated with terrorist groups. It rarely happens overnight. Young people may be drawn in gradually, often through online content, social media, gaming platforms or private messaging, as well as through friends, family members or other people they meet in person.",
          "Prevent addresses all forms of extremism and terrorism. This includes Islamist extremism, extreme right-wing ideologies, and individuals whose views are mixed, unclear or unstable, sometimes drawing on several ideologies or on a fascination with violence and past attacks. Staff should not make assumptions about who could be at risk based on a pupil's faith, ethnicity or background; vulnerability can affect any child.",
          "Factors that may make a young person more susceptible include a search for identity, meaning or belonging, feelings of grievance or injustice, experiences of discrimination, isolation, low self-esteem, family breakdown, and exposure to people who promote extremist views. Extremist groups often exploit these needs by offering simple answers, a sense of purpose and a ready-made community. Understanding these pressures helps staff to respond with care rather than alarm."
        ),
      },
      {
        title: "Recognising signs of concern",
        body: paragraphs(
          "There is no single profile of a young person who is being radicalised, and many of the possible signs can also be explained by other issues. What matters is noticing a change and considering it alongside everything else you know about the child. Possible signs include expressing extremist views or using language that dehumanises particular groups, becoming increasingly intolerant of others, or justifying violence to achieve political or ideological aims.",
          "Other possible indicators include a sudden withdrawal from friends or usual activities, secretive use of devices, accessing or sharing extremist material, possessing symbols, flags or literature linked to extremist groups, and talking about a new network of friends who appear to be influential. Changes in appearance or behaviour may be relevant, but should not be seen as significant on their own.",
          "Remember that young people are entitled to explore ideas, ask challenging questions and hold views that others disagree with. Schools should be safe places to discuss controversial topics. The concern arises when views move towards supporting violence or when a child appears to be under the influence of others who seek to harm them. If something does not feel right, trust your professional judgement and speak to the DSL."
        ),
      },
      {
        title: "Acting on a concern and the Channel programme",
        body: paragraphs(
          "If you are concerned that a pupil may be at risk of radicalisation, follow your school's usual safeguarding procedures and share the concern with the designated safeguarding lead without delay. Record what you have seen or heard factually. A widely used approach is notice, check, share: notice the behaviour, check your understanding with the DSL, and share the information through the right channels. If you believe someone is at immediate risk of harm, contact the police straight away.",
          "The DSL will consider the concern, which may involve speaking to the pupil and their parents or carers, seeking advice from the local authority or police Prevent team, and making a Prevent referral where appropriate. Not every concern results in a referral, and many can be addressed within school through pastoral support.",
          "Channel is a voluntary, confidential multi-agency programme that provides support to people identified as being vulnerable to being drawn into terrorism. A panel, chaired by the local authority and including the police and other partners, assesses the level of risk and decides what support is needed, which might include mentoring, help with education or mental health support. Schools may be asked to attend panel meetings and to provide information. Taking part in Channel does not give a person a criminal record."
        ),
      },
      {
        title: "Building resilience through the curriculum",
        body: paragraphs(
          "Schools play an important part in helping young people to resist extremist messages. A broad and balanced curriculum, including relationships, sex and health education and citizenship, gives pupils opportunities to explore identity, belonging and difference, and to develop the critical thinking skills they need to question what they see and hear, particularly online.",
          "Schools in England are expected to actively promote the fundamental British values of democracy, the rule of law, individual liberty, and mutual respect and tolerance of those with different faiths and beliefs. This is part of pupils' spiritual, moral, social and cultural development. In practice it can include school councils and elections, learning about how laws are made, discussing rights and responsibilities, and celebrating the diversity of the school and wider community.",
          "Create a classroom climate where pupils feel able to raise difficult questions without fear of ridicule. When discussing sensitive topics, agree ground rules, present balanced information, challenge prejudice calmly and explain why, and help pupils to evaluate sources. Teach them how extremist groups use persuasive techniques and misinformation online. If a discussion reveals a potential safeguarding concern, follow it up afterwards and share it with the DSL."
        ),
      },
    ],
  },
  {
    slug: "send-in-the-classroom",
    title: "SEND in the classroom",
    summary:
      "Practical guidance on supporting pupils with special educational needs and disabilities, rooted in the SEND Code of Practice and the graduated approach. Learn how high-quality teaching, careful assessment and partnership with families help every pupil to make progress.",
    category: "Inclusion",
    estimatedMinutes: 50,
    lessons: [
      {
        title: "The legal framework and key roles",
        body: paragraphs(
          "The Children and Families Act 2014 and the Special educational needs and disability code of practice: 0 to 25 years set out the statutory framework for SEND in England. A child or young person has special educational needs if they have a learning difficulty or disability which calls for special educational provision to be made for them. This means provision that is additional to, or different from, that generally made for others of the same age.",
          "The Equality Act 2010 also applies. Schools must not discriminate against disabled pupils and must make reasonable adjustments so that they are not placed at a substantial disadvantage. Many pupils with special educational needs are also disabled under the Act, and the two sets of duties work together.",
          "Every mainstream school must have a special educational needs co-ordinator (SENCO), a qualified teacher who oversees day-to-day provision and advises colleagues. However, the Code of Practice is clear that every teacher is responsible and accountable for the progress and development of the pupils in their class, including those who access support from teaching assistants or specialist staff. In other words, every teacher is a teacher of SEND, and high-quality teaching is the first response to possible special educational needs."
        ),
      },
      {
        title: "The four broad areas of need",
        body: paragraphs(
          "The Code of Practice describes four broad areas of need. These are not a way of labelling children, and many pupils have needs across more than one area. They help schools to plan the right support rather than focusing only on a diagnosis.",
          "Communication and interaction covers difficulties with speech, language and communication, including understanding others, expressing themselves or using language socially. Autistic pupils often have needs in this area. Cognition and learning includes moderate, severe and profound learning difficulties, as well as specific learning difficulties such as dyslexia, dyscalculia and dyspraxia, which affect particular aspects of learning.",
          "Social, emotional and mental health difficulties may show as withdrawal, anxiety, low mood, self-harm or behaviour that is challenging or disruptive. Conditions such as attention deficit hyperactivity disorder can fall within this area. Sensory and/or physical needs include vision impairment, hearing impairment, multi-sensory impairment and physical disabilities that require specialist equipment or adjustments to the environment.",
          "Behaviour on its own is not an area of need. Where a pupil's behaviour causes concern, staff should look for the underlying cause, which might be an unmet learning or communication need, a mental health difficulty or something happening outside school."
        ),
      },
      {
        title: "The graduated approach: assess, plan, do, review",
        body: paragraphs(
          "Where a pupil is identified as having special educational needs, schools should take action to remove barriers to learning and put effective provision in place. This is known as SEN support, and the Code of Practice describes it as a graduated approach built on a four-part cycle: assess, plan, do and review.",
          "Assess means bringing together the class teacher's observations, assessment information, the views of the pupil and their parents, and advice from the SENCO and any external professionals. Plan means agreeing, with parents and the pupil, the adjustments, interventions and support to be put in place, along with the expected impact on progress and a date for review. These plans should be shared with everyone who works with the pupil.",
          "Do means putting the plan into practice. The class teacher remains responsible for working with the pupil every day, even where interventions happen away from the main classroom. Review means evaluating the impact and quality of the support on the agreed date, taking into account the views of the pupil and parents, and deciding on any changes.",
          "The cycle then repeats, with each round building a clearer understanding of what works for the pupil. Where a pupil continues to make less than expected progress despite relevant and purposeful action, the school or parents may request an education, health and care (EHC) needs assessment from the local authority."
        ),
      },
      {
        title: "Adaptive teaching strategies",
        body: paragraphs(
          "High-quality teaching that is adapted to pupils' needs benefits everyone, and is especially important for pupils with SEND. Start by knowing your pupils: read their support plans, talk to the SENCO, and ask pupils what helps them learn. Small, consistent adjustments often make the biggest difference.",
          "Useful strategies include breaking tasks into smaller steps, giving instructions one at a time and checking understanding, displaying key vocabulary with visual support, and using modelling and worked examples. Reduce unnecessary demands on working memory by keeping slides uncluttered and providing writing frames, checklists or knowledge organisers. Pre-teaching vocabulary or concepts before a lesson can help pupils to access it alongside their peers.",
          "Think about the environment too. Consider seating, lighting, noise levels and sightlines to the board, particularly for pupils with sensory or hearing needs. Predictable routines and advance warning of changes help many pupils, including autistic pupils, to feel secure. Allow the use of agreed tools such as coloured overlays, fidget items, laptops or movement breaks.",
          "Avoid lowering expectations. The aim is to give pupils access to the same ambitious curriculum as their classmates, with scaffolding that is gradually reduced as they become more independent."
        ),
      },
      {
        title: "Working with teaching assistants, parents and pupils",
        body: paragraphs(
          "Teaching assistants can make a valuable contribution, but research and guidance caution against pupils with SEND being routinely taught by the least qualified adult or becoming dependent on one-to-one support. Plan with teaching assistants in advance where possible, share the lesson objectives and the intended role of the adult, and encourage them to prompt independence rather than completing work for the pupil.",
          "Parents and carers know their children best. The Code of Practice emphasises that they should be involved in decisions about their child's support, and that schools should meet them regularly to agree clear outcomes and review progress. Listen to their knowledge and concerns, explain what the school is doing in clear language, and avoid jargon and acronyms.",
          "Pupils should also be involved in decisions about their learning, in a way that suits their age and communication needs. Ask them what helps, what makes things harder and what they want to achieve. Some schools use one-page profiles to capture this. When pupils feel heard, they are more likely to engage with the support in place, and their own insight often leads to better adjustments."
        ),
      },
    ],
  },
  {
    slug: "online-safety",
    title: "Online safety for school staff",
    summary:
      "How to recognise and respond to online risks to pupils, protect your own professional reputation online, and support a whole-school approach to online safety. Covers the four areas of risk, filtering and monitoring, and incidents involving the sharing of images.",
    category: "Safeguarding",
    estimatedMinutes: 45,
    lessons: [
      {
        title: "Online safety as part of safeguarding",
        body: paragraphs(
          "Keeping Children Safe in Education makes clear that online safety is an integral part of safeguarding. Children can be harmed online in many of the same ways they can be harmed offline, and online and offline harms are often connected. Schools are expected to take a whole-school approach, in which policies, staff training, the curriculum and technical measures all work together.",
          "The guidance groups online risks into four areas, often called the four Cs. Content is being exposed to illegal, inappropriate or harmful material, such as pornography, misinformation, self-harm content or extremist material. Contact is being subjected to harmful interaction with other users, such as grooming or adults posing as children. Conduct is online behaviour that increases the likelihood of, or causes, harm, such as sharing explicit images or online bullying. Commerce covers risks such as online gambling, inappropriate advertising, phishing and financial scams.",
          "Online safety concerns should be reported to the designated safeguarding lead (DSL) in the same way as any other safeguarding concern. Do not treat something as less serious simply because it happened online or outside school hours."
        ),
      },
      {
        title: "Filtering and monitoring",
        body: paragraphs(
          "Schools must have appropriate filtering and monitoring systems in place to limit children's exposure to online risks on school devices and networks. The Department for Education has published filtering and monitoring standards to help schools meet this expectation, and governing bodies and proprietors should ensure that arrangements are reviewed regularly. The DSL takes lead responsibility for understanding these arrangements, working with IT staff or the school's technical provider.",
          "Filtering blocks access to harmful and inappropriate content, while monitoring helps staff to identify concerning activity, such as searches relating to self-harm, violence or extremism. No system is perfect. Filters can be bypassed, for example through personal mobile data, and over-blocking can get in the way of teaching and learning. Filtering and monitoring are a safety net and do not replace supervision and good teaching.",
          "All staff have a part to play. Supervise pupils when they are using devices, and report to the DSL or designated staff if you see a pupil accessing harmful content, if you notice that something which should be blocked is accessible, or if a site needed for learning is being blocked. Make sure you understand what your school expects you to do with any alerts or reports you receive."
        ),
      },
      {
        title: "Responding to the sharing of nudes and semi-nudes",
        body: paragraphs(
          "The sharing of nude and semi-nude images, videos or live streams by children and young people is a safeguarding issue. It can be consensual or the result of pressure, coercion or exploitation, and it can involve adults. Creating or sharing sexual images of anyone under 18 is illegal, even if young people share images of themselves, but guidance from the UK Council for Internet Safety (UKCIS) makes clear that the response should focus on safeguarding rather than criminalising young people.",
          "If a pupil tells you about an incident or you become aware of one, report it to the DSL immediately. Do not view, copy, print, share, store or save the imagery, and do not ask the pupil to send or show it to you. If you have viewed it by accident, tell the DSL. Do not delete the imagery or ask the pupil to delete it, and do not investigate yourself or question those involved in detail.",
          "Reassure the pupil that they have done the right thing and that they will be supported. The DSL will follow the UKCIS guidance and decide whether parents or carers should be informed and whether a referral to the police or children's social care is needed."
        ),
      },
      {
        title: "Your professional conduct online",
        body: paragraphs(
          "Staff are role models, and what you do online can affect your professional reputation and the trust that pupils, parents and colleagues place in you. Your school's staff code of conduct and acceptable use policy set out expectations. Read them carefully, because a breach can lead to disciplinary action and, where it raises safeguarding concerns, may be treated as an allegation or a low-level concern.",
          "Do not accept friend or follow requests from pupils on personal social media, and do not contact pupils through personal accounts, messaging apps or personal phone numbers. Use only school-approved platforms for communication with pupils and parents. Be cautious about connecting with parents or former pupils, particularly where they have siblings at the school.",
          "Check your privacy settings regularly, and assume that anything you post could be seen by pupils or parents, even on a private account. Avoid posting anything that could bring the school into disrepute, and never share images of pupils or information about them on personal accounts. Do not use personal devices to photograph pupils unless your school's policy explicitly allows it.",
          "If a pupil tries to contact you online, or you find inappropriate content about yourself or a colleague, tell the DSL or your line manager."
        ),
      },
      {
        title: "Teaching and talking about online safety",
        body: paragraphs(
          "Pupils need the knowledge and skills to stay safe online, and this is taught through relationships education, relationships and sex education, health education and computing, as well as in other subjects. The Department for Education's guidance on teaching online safety in schools encourages schools to focus on underpinning knowledge and behaviours rather than on specific apps, which change quickly.",
          "Useful themes include evaluating what you see online, recognising persuasion and misinformation, understanding how online relationships can be manipulated, managing privacy and digital footprints, and knowing where to get help. Pupils should understand that online content can be edited or artificially generated and that not everyone online is who they claim to be.",
          "Create an atmosphere in which pupils feel able to talk about things that have worried them online without fear of being blamed or having their devices taken away. Many children do not report harm because they are embarrassed or worried about the consequences. Respond calmly and without judgement, and follow up any safeguarding concerns with the DSL. Be aware that a lesson on a sensitive topic may prompt a disclosure."
        ),
      },
    ],
  },
  {
    slug: "data-protection-in-schools",
    title: "Data protection in schools",
    summary:
      "An introduction to the UK GDPR and the Data Protection Act 2018 as they apply to everyday school life. Learn how to handle personal data lawfully and securely, spot and report a breach, and respond to requests for information.",
    category: "Compliance",
    estimatedMinutes: 40,
    lessons: [
      {
        title: "Data protection law and why it matters",
        body: paragraphs(
          "Schools handle a large amount of personal data about pupils, parents, staff and governors, from contact details and attendance to assessment results, medical information and safeguarding records. In the UK, the use of personal data is governed by the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018. The Information Commissioner's Office (ICO) is the independent regulator and can investigate complaints and take enforcement action.",
          "Personal data is any information relating to an identified or identifiable living person. A name, an email address, a photograph or a pupil number can all be personal data. Some information is classed as special category data and needs extra protection, including data about health, ethnic origin, religious beliefs, sexual orientation and biometrics such as fingerprints.",
          "As public authorities, state-funded schools must appoint a data protection officer (DPO) to advise on compliance and act as a contact point for the ICO. The school itself, usually through its governing body or academy trust, is the data controller. Every member of staff who handles personal data has a responsibility to follow the school's data protection policy."
        ),
      },
      {
        title: "The data protection principles",
        body: paragraphs(
          "The UK GDPR sets out seven principles that underpin how personal data should be handled. Personal data must be processed lawfully, fairly and in a transparent manner, which is why schools publish privacy notices explaining what they collect and why. It must be collected for specified, explicit and legitimate purposes and not used in ways that are incompatible with those purposes.",
          "Data must be adequate, relevant and limited to what is necessary, so only collect what you need. It must be accurate and kept up to date. It must not be kept for longer than necessary, which is why schools have a retention schedule setting out how long different records are kept. It must be processed securely, protecting it against unauthorised access, loss or damage. Finally, the accountability principle requires the school to be able to demonstrate its compliance.",
          "Schools also need a lawful basis for processing. Much of what schools do relies on the public task or legal obligation bases rather than consent. Consent is used in specific situations, such as using pupil photographs on social media or a public website, and must be freely given and can be withdrawn."
        ),
      },
      {
        title: "Handling data securely day to day",
        body: paragraphs(
          "Many data breaches in schools result from everyday mistakes rather than sophisticated attacks, so simple habits make a big difference. Lock your screen whenever you leave your computer, use strong, unique passwords and multi-factor authentication where available, and never share your login details. Keep paper records containing personal information in locked storage and do not leave them on desks, in staffrooms or in unattended classrooms.",
          "Take care with email. Check recipients before sending, be wary of autocomplete, and use blind copy when emailing groups of parents so that addresses are not shared. Send sensitive information only through secure, approved methods. Be alert to phishing emails that ask you to click a link, open an attachment or enter your password, and report anything suspicious to your IT team.",
          "Use only school-approved systems and devices for storing pupil information. Avoid unencrypted memory sticks and personal cloud storage, and do not take personal data off site unless it is necessary and allowed by policy. When discussing pupils, be mindful of who can overhear, for example in corridors or on public transport. Dispose of paper records securely using confidential waste or shredding."
        ),
      },
      {
        title: "Recognising and reporting a data breach",
        body: paragraphs(
          "A personal data breach is a breach of security leading to the accidental or unlawful destruction, loss, alteration, unauthorised disclosure of, or access to, personal data. Common examples in schools include sending an email to the wrong parent, losing a laptop or memory stick, leaving a class list in a public place, or a cyber attack that locks or exposes school systems.",
          "If you discover or cause a breach, report it immediately to the person named in your school's policy, usually the data protection officer or the school business manager. Do not try to hide it or wait to see whether it matters. Prompt reporting allows the school to contain the breach, for example by asking a recipient to delete an email, and to assess the risk to the people affected.",
          "Where a breach is likely to result in a risk to people's rights and freedoms, the school must report it to the ICO without undue delay and, where feasible, within 72 hours of becoming aware of it. If the risk is high, the individuals affected must also be told. All breaches should be recorded internally, even those that do not need to be reported, so that the school can learn from them."
        ),
      },
      {
        title: "Information requests and sharing information safely",
        body: paragraphs(
          "Individuals have rights over their personal data, including the right to be informed, to access their data and to have inaccurate data corrected. A subject access request is a request from someone to see the personal data a school holds about them. It does not need to be in writing or use particular wording, so if a parent, pupil or member of staff asks for their information, pass the request straight to the DPO or the person responsible. The school usually has one month to respond, which can be extended in some circumstances.",
          "Data protection law is not a barrier to sharing information where it is needed to keep a child safe. Keeping Children Safe in Education is clear that fears about sharing information must not stand in the way of promoting the welfare and protecting the safety of children. The UK GDPR and the Data Protection Act 2018 allow information to be shared for safeguarding purposes, and if you have a concern, share it with the designated safeguarding lead.",
          "If you are unsure whether you can share something, ask the DPO for advice, but never delay reporting a safeguarding concern."
        ),
      },
    ],
  },
  {
    slug: "behaviour-for-learning",
    title: "Behaviour for learning",
    summary:
      "Practical approaches to creating calm, purposeful classrooms where every pupil can learn. Explores whole-school culture, routines, relationships and de-escalation, in line with the Department for Education's behaviour guidance.",
    category: "Teaching and learning",
    estimatedMinutes: 45,
    lessons: [
      {
        title: "A whole-school culture of good behaviour",
        body: paragraphs(
          "The Department for Education's guidance Behaviour in schools emphasises that good behaviour is essential for pupils to learn and for staff to teach, and that a calm, safe and supportive environment benefits everyone. Every school must have a behaviour policy, for which the headteacher is responsible, setting out the expected standards of behaviour, how good behaviour will be recognised and how poor behaviour will be addressed.",
          "Consistency is one of the most important features of effective behaviour management. When all staff apply the same expectations, routines and language, pupils understand what is expected of them wherever they are in the school, and they see the system as fair. Inconsistency, by contrast, invites pupils to test boundaries and can leave individual staff feeling isolated.",
          "Know your school's policy well, including the steps for rewards and consequences, how to get help from senior staff, and what support is available for pupils who struggle. Model the behaviour you expect: be punctual, courteous, calm and respectful. Pupils notice how adults speak to each other and to them, and this sets the tone for the culture of the whole school."
        ),
      },
      {
        title: "Routines and clear expectations",
        body: paragraphs(
          "Routines reduce uncertainty and free up pupils' attention for learning. Effective teachers plan and explicitly teach routines for the moments that happen in every lesson: entering the room, starting work, gaining attention, handing out resources, moving between activities and leaving. Describe exactly what the routine looks like, model it, practise it, and give precise feedback until it becomes automatic.",
          "State expectations positively and clearly, focusing on what you want pupils to do rather than what they should not do. For example, 'pens down and eyes on me' is clearer than 'stop messing around'. Keep instructions short, check that they have been understood, and give pupils a moment to follow them before repeating.",
          "Start lessons promptly with a task pupils can begin independently, so that momentum is established from the outset. Circulate around the room, using your presence and eye contact to keep pupils focused. Well-planned, appropriately challenging lessons are one of the strongest protections against low-level disruption, because pupils who are engaged and know what to do are less likely to drift off task.",
          "Revisit routines after holidays and whenever they start to slip."
        ),
      },
      {
        title: "Relationships and positive recognition",
        body: paragraphs(
          "Positive relationships between staff and pupils are the foundation of good behaviour. Learn pupils' names quickly, greet them at the door, take an interest in them as individuals and show that you believe they can succeed. Relationships are built through many small, consistent interactions, and they are what allow you to hold high expectations without damaging trust.",
          "Recognise good behaviour far more often than you sanction poor behaviour. Specific praise, such as thanking a pupil for starting work straight away or for helping a classmate, is more effective than general comments because it tells pupils exactly what to repeat. Some pupils prefer quiet acknowledgement to public praise, so get to know your class. Use your school's reward systems consistently and fairly, and contact parents with good news as well as concerns.",
          "When a pupil's behaviour falls short, separate the behaviour from the person. Make clear that you still value them, and give them a fresh start in the next lesson. Restorative conversations, in which the pupil reflects on what happened, who was affected and how to put things right, can help to repair relationships and reduce repeat incidents."
        ),
      },
      {
        title: "Responding to low-level disruption",
        body: paragraphs(
          "Low-level disruption, such as talking over the teacher, calling out, fiddling with equipment or being slow to start work, can erode learning time across a school. The aim is to correct behaviour quickly, calmly and with minimal interruption to the lesson, so that the focus returns to learning.",
          "Use the least intrusive response first. A look, a pause, moving closer to the pupil or a quiet non-verbal signal is often enough. If not, give a brief private reminder of the expectation, using the pupil's name and focusing on what they need to do. Praising nearby pupils who are doing the right thing can also redirect attention without confrontation.",
          "If the behaviour continues, follow your school's policy, applying the agreed steps consistently and explaining the consequence calmly. Avoid public arguments and sarcasm, and do not be drawn into secondary behaviours such as sighing or muttering; address these later if necessary. Give pupils take-up time rather than demanding instant compliance in front of their peers.",
          "Follow through on what you say you will do. Record incidents as required, and seek support from colleagues or senior staff when a pattern develops. Persistent disruption may be a sign of an unmet need or a safeguarding concern, so share your observations."
        ),
      },
      {
        title: "De-escalation and supporting pupils with additional needs",
        body: paragraphs(
          "Behaviour is often a form of communication. A pupil who is distressed, anxious, hungry, tired, confused by the work or struggling with something at home may show it through their behaviour. Schools must make reasonable adjustments for disabled pupils under the Equality Act 2010 and should consider whether behaviour may be linked to special educational needs, while still maintaining high expectations for all.",
          "When a situation is escalating, your own calm is your most powerful tool. Lower your voice, slow down, use the pupil's name and keep your body language open and non-threatening. Give space, reduce the audience where possible, offer limited choices and acknowledge feelings, for example 'I can see you are upset'. Avoid ultimatums, and wait until the pupil is calm before discussing consequences.",
          "School staff have a legal power to use reasonable force to prevent a pupil from committing an offence, injuring themselves or others, or damaging property, and to maintain good order and discipline. Reasonable force should only ever be a last resort, must be proportionate, and must never be used as a punishment. Follow your school's policy and training, record and report any incident where force has been used, and follow the policy on informing parents."
        ),
      },
    ],
  },
  {
    slug: "first-aid-awareness",
    title: "First aid awareness in schools",
    summary:
      "An awareness-level introduction to first aid in schools, covering roles and responsibilities, what to do in an emergency and how to respond to common injuries and medical conditions. It does not replace a recognised, practical first aid qualification.",
    category: "Health and safety",
    estimatedMinutes: 50,
    lessons: [
      {
        title: "First aid in schools: roles and responsibilities",
        body: paragraphs(
          "Under the Health and Safety (First-Aid) Regulations 1981, employers must provide adequate and appropriate first aid equipment, facilities and people. Schools should carry out a first aid needs assessment to decide how many trained first aiders they need, where first aid kits are kept and what arrangements are required for off-site visits and out-of-hours activities. Early years settings have specific paediatric first aid requirements under the statutory framework for the early years foundation stage.",
          "This course is for awareness only. It will help you to understand what to do while waiting for a trained first aider or the emergency services, but it is not a substitute for a recognised first aid qualification with practical assessment.",
          "Every member of staff should know who the first aiders are, how to summon them quickly, where the nearest first aid kit and defibrillator are located, and how to call for an ambulance. Schools also have a duty to support pupils with medical conditions, as set out in the statutory guidance Supporting pupils at school with medical conditions. Make sure you are familiar with the individual healthcare plans of the pupils you work with."
        ),
      },
      {
        title: "Assessing an emergency and calling for help",
        body: paragraphs(
          "In any emergency, your first priority is to keep yourself and others safe. Check for danger before approaching a casualty, and do not put yourself at risk. Then check for a response by speaking loudly and gently tapping their shoulders. If there is no response, shout for help and send someone to fetch a first aider and the nearest defibrillator.",
          "Open the airway by gently tilting the head back and lifting the chin, then look, listen and feel for normal breathing for no more than ten seconds. If the casualty is unresponsive and not breathing normally, call 999 or ask someone else to, put the phone on speaker and start cardiopulmonary resuscitation (CPR). Place the heel of your hand in the centre of the chest and push hard and fast, giving rescue breaths if you are trained to do so. The call handler can guide you until help arrives.",
          "If a defibrillator arrives, switch it on and follow the spoken instructions; it is designed to be used by anyone. If the casualty is unresponsive but breathing normally, and you do not suspect a spinal injury, place them in the recovery position to keep the airway open and monitor their breathing until help arrives. Stay with them, keep them warm and reassure them."
        ),
      },
      {
        title: "Bleeding, burns and head injuries",
        body: paragraphs(
          "For bleeding, apply firm, direct pressure to the wound with a clean dressing or pad, wearing disposable gloves where available. If blood soaks through, add another pad on top rather than removing the first. For severe bleeding, call 999 and keep pressure on the wound. Watch for signs of shock, such as pale, clammy skin, rapid breathing and confusion.",
          "For burns, cool the area under cool or lukewarm running water for at least 20 minutes as soon as possible. Remove any clothing or jewellery near the burn unless it is stuck to the skin. Do not apply creams, butter or ice. Once cooled, cover the burn loosely with cling film or a clean, non-fluffy dressing. Seek medical advice for anything other than a minor burn, including larger or deeper burns, chemical or electrical burns, and burns to the face, hands, feet or genitals.",
          "Head injuries are common in schools and must always be taken seriously. Monitor the pupil and inform parents or carers in line with school policy, even if the injury seems minor. Seek urgent medical help if the pupil was knocked out, even briefly, has vomited, has a persistent headache, or seems confused or unusually drowsy. Call 999 if they remain unconscious, have a seizure, have problems with vision or speech, or have clear fluid coming from their ears or nose."
        ),
      },
      {
        title: "Choking and severe allergic reactions",
        body: paragraphs(
          "If a child is choking but can cough, encourage them to keep coughing. If they cannot cough, speak or breathe effectively, give up to five sharp back blows between the shoulder blades with the heel of your hand, with the child leaning forward. If this does not clear the obstruction, give up to five abdominal thrusts for a child over one year old. Different techniques apply to babies, where chest thrusts are used instead of abdominal thrusts.",
          "If the obstruction has not cleared, call 999 and continue alternating back blows and abdominal thrusts. If the child becomes unresponsive, start CPR. Anyone who has been given abdominal thrusts should be checked by a medical professional afterwards.",
          "Anaphylaxis is a severe, potentially life-threatening allergic reaction. Signs can include swelling of the throat or tongue, difficulty breathing or swallowing, wheezing, a hoarse voice, feeling faint and collapse, sometimes with a rash. Use the pupil's adrenaline auto-injector immediately, following the instructions on the device and the pupil's allergy action plan, then call 999 and say it is anaphylaxis. Lay the pupil down with legs raised, or let them sit up if breathing is difficult, and do not make them stand or walk. A second dose may be given if there is no improvement after five minutes. Schools may keep spare auto-injectors for emergency use."
        ),
      },
      {
        title: "Asthma, seizures and diabetes",
        body: paragraphs(
          "During an asthma attack a pupil may cough, wheeze, feel tight-chested or struggle to speak. Help them to sit upright, stay calm and take their reliever inhaler, which is usually blue, ideally through a spacer and following their asthma plan. If they do not improve, or if you are worried at any time, call 999. Schools may keep emergency reliever inhalers for pupils who have been diagnosed with asthma and prescribed a reliever.",
          "If a pupil has a seizure, note the time it starts, clear the area of hazards and cushion their head. Do not restrain them or put anything in their mouth. When the seizure stops, place them in the recovery position and stay with them. Call 999 if it is their first seizure, if it lasts longer than five minutes or longer than is usual for them, if they are injured, or if another seizure follows. Follow any individual healthcare plan, which may include emergency medication.",
          "Pupils with type 1 diabetes can experience hypoglycaemia, or low blood sugar, with signs such as shakiness, sweating, pallor, irritability and confusion. Follow their care plan, which usually involves giving a fast-acting sugary drink or snack straight away. Never leave them alone or send them anywhere unaccompanied. If they become drowsy or unconscious, do not give anything by mouth, and call 999."
        ),
      },
      {
        title: "Recording, reporting and infection control",
        body: paragraphs(
          "Record every first aid incident, however minor, in line with your school's procedures. Include the date, time and place, what happened, the injury, the treatment given and who was involved. Records help the school to spot patterns, such as a hazard in the playground, and provide important information if there are complications later. Inform parents or carers as the policy requires, particularly after head injuries or where a pupil needs further medical attention.",
          "Some incidents must be reported to the Health and Safety Executive under the Reporting of Injuries, Diseases and Dangerous Occurrences Regulations (RIDDOR). This includes certain injuries to staff, and some accidents to pupils or visitors that arise from a work activity and result in them being taken directly to hospital for treatment. Your school's health and safety lead will decide whether a report is needed, so make sure they are told promptly.",
          "Reduce the risk of infection by washing your hands before and after giving first aid, wearing disposable gloves, and disposing of clinical waste in line with school procedures. Clean up spills of blood or body fluids using the appropriate kit. Check first aid kits regularly, report anything missing or out of date, and make sure medication and equipment go with pupils on trips."
        ),
      },
    ],
  },
];
