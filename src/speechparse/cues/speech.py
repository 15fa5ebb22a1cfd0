"""The cues of the speech's own parts: numerals, sentences, enumeration markers, the title,
the salutation, the opening, the review, the demands, the hopes and the closing; and the
cheap prefilters (NEEDS, found) that let most units skip most patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

# --- numerals ---------------------------------------------------------------------------
CN_NUM = "[一二三四五六七八九十百零〇两]+"
COUNT = rf"(?:{CN_NUM}|\d{{1,2}}|几)"

# --- sentence structure -----------------------------------------------------------------
#: Ends a sentence (closing quotes and brackets that follow stay with it).
SENTENCE_END = re.compile(r"[。!?]+(?:…{1,6})?[”’\"」』)]*|…{2}(?=[”’\"」』)]*\s*$)")
#: A sentence's end mark: whether a piece or line holds one.
SENTENCE_MARK = re.compile(r"[。!?]")
#: A text that ends here ended a sentence (a text that does not stops mid-sentence: cut).
TEXT_ENDED = re.compile(r"[。!?.…”’\"」』)]\s*$")
PUNCT = re.compile(r"[。!?,;:、“”\"'()《》…]")

# --- enumeration markers (at the start of a unit) ---------------------------------------
#: What may follow 第一 in an ordinal marker: 第一点, 第一个方面, 第一点希望, 第一句话 …
ORDINAL_TAIL = (
    r"(?:点|个方面|方面|条|项|句话|个(?:问题|体会|感受|关键词|任务|重点))?(?:希望|要求|意见|建议)?"
)
#: family -> pattern; group "n" is the number. Order matters: the first match wins.
MARKERS: dict[str, re.Pattern[str]] = {
    "arabic_paren": re.compile(r"\((?P<n>\d{1,2})\)"),
    "paren": re.compile(rf"\((?P<n>{CN_NUM})\)[、.,]?"),
    "ordinal": re.compile(rf"第(?P<n>{CN_NUM}){ORDINAL_TAIL}(?:[,、:]|是(?!否))"),
    "dun": re.compile(rf"(?P<n>{CN_NUM})[、.](?!\d)"),
    "yao": re.compile(rf"(?P<n>{CN_NUM})要(?![求素点件])"),
    "shi": re.compile(rf"(?P<n>{CN_NUM})是(?!否|非)"),
    "arabic": re.compile(r"(?P<n>\d{1,2})(?:[.、](?!\d)|\s)"),
    "sequence": re.compile(r"(?P<n>首先|其次|再次|然后|最后)[,、]"),
}
SEQUENCE_INDEX = {"首先": 1, "其次": 2, "再次": 3, "然后": 3}
#: The longest headline on a line of its own that opens a list alone (a cut preview).
HEADLINE_MAX = 40
#: Every marker starts with one of these characters (a fast test before the patterns).
MARKER_FIRST = frozenset("(第一二三四五六七八九十百零〇两0123456789首其再然最")
#: Families that head a paragraph of their own (demand level), best first. 首先/其次/最后
#: count only after an announcement (lexer.py): they also open greetings and wishes.
HEADING_FAMILIES = ("dun", "paren", "ordinal", "yao", "arabic", "shi", "arabic_paren", "sequence")
#: Families that enumerate points inside a demand, best first.
POINT_FAMILIES = ("paren", "shi", "arabic", "arabic_paren", "ordinal", "yao", "sequence")
#: A unit may be cut before one of these when it follows ; or : (一是…；二是…).
MARKER_AFTER_CLAUSE = re.compile(
    rf"(?:{CN_NUM}是(?!否)|{CN_NUM}要(?![求素点件])|(?:首先|其次|再次|最后)[,、]|\({CN_NUM}\)"
    rf"|第{CN_NUM}{ORDINAL_TAIL}[,、]|\(\d{{1,2}}\)|\d{{1,2}}[.、](?!\d))"
)
MARKER_AFTER_COMMA = re.compile(rf"{CN_NUM}(?:是(?!否)|要(?![求素点件]))")

# --- title ------------------------------------------------------------------------------
TITLE_WORD = (
    r"(?:讲话|讲话稿|致辞|致词|发言|发言稿|讲稿|演讲|演讲稿|演说|贺词|祝词|主持词|报告|"
    r"开幕词|闭幕词|欢迎词|答谢词|祝酒词|动员词)"
)
#: What may follow a title word at the end of a title (讲话稿, 讲话提纲, 讲话材料).
TITLE_SUFFIX = r"(?:稿|文稿|全文|范文|提纲|材料)"
TITLE = re.compile(
    rf"(?:{TITLE_WORD}{TITLE_SUFFIX}?|在.{{2,60}}(?:上|中|时|之际)的{TITLE_WORD}.*)"
    r"(?:\s*[(（][^()（）]{0,30}[)）])?\s*$"
)

#: What follows a title word in a sentence or a name, which no title is: the sentence's end,
#: a comma or a quoted title's end (出席会议并讲话。, …整理的…讲话，仅供参考, 《…开幕词》由
#: 会员上传), the words that report a speech (在讲话中指出, 讲话时强调; but 讲话时间： may
#: end a title run into a page's date), or a meeting's name (…事迹报告大会的讲话, 报告团).
IN_SENTENCE = re.compile(r"[。!?,;》]|中(?!心)|时(?!间)|指出|强调|大?会|团|比赛")

#: The verbs of a news report's headline (市总工会召开…会议): a line without a title word
#: that has one reports a meeting; it is no slogan over a speech.
REPORT_VERB = re.compile(r"召开|举行|举办|出席|会见|看望|调研|发表")

#: The title word that ends a title line, with what may follow it (稿, a date in brackets).
TITLE_WORD_AT_END = re.compile(
    rf"{TITLE_WORD}{TITLE_SUFFIX}?(?:\s*[(（][^()（）]{{0,30}}[)）])?\s*$"
)

# --- salutation -------------------------------------------------------------------------
#: An addressee that makes a clause a salutation on its own.
ADDRESSEE_STRONG = re.compile(
    r"(?:同志们|代表们|朋友们|来宾们|领导们|女士们|先生们|同事们|嘉宾们|老师们|同学们|"
    r"委员们|同胞们|战友们|工友们|姐妹们|职工们|会员们|劳模们|"
    # any plural of people but the pronouns (乡亲们, 运动员们; not 我们, 人们); the test
    # comes after 们, so that every branch opens with a character the engine can skip to
    r"们(?<![我你他她它咱]们)(?<!^人们)|"
    r"各位(?:代表|来宾|领导|嘉宾|委员|同志|同仁|朋友|老师|劳模)?|尊敬的)"
)
#: Titles and roles an addressee may be named by (书记, 主席 …).
ROLES = (
    r"书记|主席|部长|市长|区长|县长|省长|局长|主任|院士|领导|嘉宾|来宾|代表|先生|女士|同志|朋友|"
    r"职工|工会|劳模|工匠|干部|老师|教师|同学|学生|同事|家长|员工|乡亲|青年|运动员|裁判员|团员|"
    r"党员|队员|会员|校友|同胞|同仁|战友|工友|姐妹|兄弟|伙伴|群众|少年|儿童|市民|村民|居民|"
    r"师生|教职工|贵宾|专家|学者|企业家|客人|选手|教练员|工作人员|志愿者|模范|工作者|劳动者|建设者"
)
#: The whole of a place's people (全县广大, 全国各族, 广大): before a role, an addressee.
ALL_THE_PEOPLE = r"(?:全[\u4e00-\u9fff]{1,2}?(?:广大|各族)|广大|各族)"
#: Words an addressee may consist of (titles, roles, placeholders); with a strong one they
#: form a list.
ADDRESSEE_WEAK = re.compile(rf"(?:{ROLES}|^\*+|^X+)")
SALUTATION_SPLIT = re.compile(r"[、,和及]|与(?!会)")  # (与会的同志们 is one)
#: Words that open an address, where a salutation run into other text can begin.
ADDRESS_OPENER = re.compile(
    r"尊敬的|亲爱的|敬爱的|各位|全体|在座的|同志们|朋友们|广大"
    r"|全(?:国|省|市|州|县|区|镇|乡|厂|矿|校|院|局|所|公司|集团|系统|行业)"
)
#: What makes one piece of a salutation something other than one addressee:
NOT_ONE_ADDRESSEE = re.compile(
    # an addressee word then a verb or modal: a sentence about them (各位代表要珍惜荣誉)
    rf"(?:{ADDRESSEE_STRONG.pattern}|{ROLES})(?:要|应|将|必须|务必|都|也|一定|是|在|把|能|会)"
    # words before an honorific, which always opens an addressee (a page keyword: 工会尊敬的…)
    r"|(?<=.)(?:尊敬的|亲爱的|敬爱的)"
    # a placeholder name run into an address word (a byline's name: XXX各位代表)
    rf"|^[*×X]{{1,4}}(?:{ADDRESS_OPENER.pattern})"
    # the object of a greeting, not an address (向出席大会的各位代表，并通过你们…; not 向书记)
    r"|^[向对][^、,]{5}"
)
#: The first addressee of a salutation run into other text: it opens with an address word,
#: is an address word with at most three characters before it (同志们, 女职工同志们), or is at
#: most four characters of name before a title or role (*书记, XX区委书记).
FIRST_ADDRESSEE = re.compile(
    rf"(?:{ADDRESS_OPENER.pattern})|[\u4e00-\u9fff]{{0,3}}(?:{ADDRESSEE_STRONG.pattern})$"
    rf"|[*×X\u4e00-\u9fff]{{0,4}}(?:{ROLES})$"
)
#: A salutation: a short clause without sentence punctuation ending in a colon.
SALUTATION_CLAUSE = re.compile(r"(?P<clause>[^。!?:;]{1,60}?)\s*:")
#: The audience greeted right after the salutation (大家好！ / 各位上午好！).
HELLO = re.compile(r"^(?:大家|各位|你们|您们|同志们)[^。!?,]{0,4}好[!。,]")
#: Re-addressing the audience at a sentence start (同志们, / 各位代表、同志们!).
READDRESS_CLAUSE = re.compile(r"(?P<clause>[^。!?:;,]{1,40}?)[,!:]")
#: Words that show a colon line is not a salutation but site text or a quotation.
NOT_ADDRESSEE = re.compile(
    r"(?:提示|客服|说明|时间|来源|(?<!工)作者|电话|地址|指出|强调|表示|认为|说)"  # (工作者 is one)
)

# --- opening ----------------------------------------------------------------------------
#: The meetings of the genre, and what a meeting does (for the sentence naming the event).
MEETINGS = (
    r"大会|会议|典礼|仪式|晚会|联欢会|座谈会|表彰会|团拜会|运动会|报告会|纪念会|庆祝会|招待会|"
    r"茶话会|动员会|推进会|现场会|活动"
)
OCCASION = re.compile(
    r"(?:(?:今天|今日|此时此刻|在这里).{0,40}?"
    r"(?:召开|开幕|集会|举行|举办|相聚|欢聚|齐聚|聚集|隆重|召开了)"
    # (an adverb may take 地: 隆重地开幕了)
    r"|隆重地?(?:集会|召开|开幕|举行)|(?:胜利|顺利)地?召开|胜利地?闭幕|之际|之时|前夕|召开了"
    # (开幕 / 闭幕 of the meeting, not a title's 开幕词 or 闭幕式上的讲话)
    rf"|(?:{MEETINGS})[^。!?]{{0,40}}?(?:(?:开幕|闭幕)(?![词式])|隆重地?举[行办]|(?:胜利|顺利)地?召开)"
    r"|^(?:今天|今日)?,?(?:我们)?(?:召开的?)?(?:这次|本次|此次)[^。!?]{0,20}?"
    rf"(?:{MEETINGS})"
    r"|^这是[^。!?]{0,40}?(?:大事|盛会|喜事|盛事)"
    # a day or month of the calendar the meeting keeps (…节是…的节日 / 今年9月是第10个“质量月”)
    r"|(?:节|日)”?(?:是|就是)[^。!?]{0,30}?(?:节日|纪念日)|一年一度的"
    r"|是(?:全国|全省|全市|全区|全县|我国)?的?第[\d一二三四五六七八九十]{1,3}个)"
)
#: An occasion that names the meeting or what it does, preferred to a time alone (在此之际).
OCCASION_STRONG = re.compile(rf"{MEETINGS}|召开|开幕|闭幕|举行|举办|集会|相聚|欢聚|齐聚")
#: One act of greeting: 向 <target> <verb> <object>.
ACT_VERB = r"(?:致以|致|表示|送上|送去|献上|转达|表达|道一声)"
ACT_OBJECTS = ("问候", "祝贺", "庆贺", "贺意", "敬意", "感谢", "谢意", "欢迎", "慰问", "祝福",
               "敬礼", "致敬", "节日", "拜年", "问好")  # fmt: skip
ACT_OBJECT = f"(?:{'|'.join(ACT_OBJECTS)})"
#: A greeting that is a verb of its own, with no 表示/致以 before it: 向大家拜年, 给大家问好,
#: 向大会致敬.
GREET_VERB = "拜年|拜个年|拜个早年|拜个晚年|问好|致敬"
#: A greeting without 向…表示: the verb with its object after it (衷心感谢各位老师…, 以热烈的
#: 掌声欢迎…), or 给… before a greeting that is a verb of its own (给大家拜年).
BARE_ACT = re.compile(
    r"(?:^|(?<=[,]))[^,。!?]{0,16}?(?P<act>感谢|欢迎|祝贺|慰问)(?![信词会])(?P<target>[^,。!?;]{2,40})"
    rf"|给(?P<target2>[^,。!?]{{1,20}}?)(?P<act2>{GREET_VERB})"
)
#: A greeting to someone: 向…表示热烈的祝贺, 对…致以问候, 向全国人民拜年.
GREETING_TO = re.compile(
    rf"(?:向|对)[^。!?]{{1,90}}?(?:{ACT_VERB}[^。!?向]{{0,24}}?{ACT_OBJECT}|{GREET_VERB})"
)
GREETING = re.compile(rf"{GREETING_TO.pattern}|{BARE_ACT.pattern}")
#: The audience itself, after 希望 (希望大家…): a call's words, not a hope to a body.
AUDIENCE = re.compile(r"\s*(?:大家|你们|您们|同志们|同学们|各位|全体)")
#: A greeting only mentioned on the way to something else (除了…表示祝贺外，还要…).
BESIDES_GREETING = re.compile(rf"除了[^。!?]{{0,60}}(?:{ACT_VERB})[^。!?]{{0,24}}外,")
ACT = re.compile(rf"{ACT_VERB}[^,;。!?向]*|{GREET_VERB}")

# --- review -----------------------------------------------------------------------------
REVIEW = re.compile(
    # (a period of time: 去年以来, 上届大会以来; not 一直以来 or 长期以来, which is no review)
    r"^(?:[^,。!?]{0,30}?(?<!一直|长期|历来|向来|从来)(?:以来|年来|年以来)[,]"
    r"|(?:近年来|近几年|近些年|过去的?[一二三四五六七八九十\d]+年|过去一年|一年来|这些年来|"
    r"回顾|回首)"
    r"|刚才[,].{0,40}?(?:讲话|报告|发言|通报|总结)"
    # a closing speech looks back at the meeting itself; a year's speech at the year
    r"|(?:我们)?(?:这次|本次|此次)?大会,?(?:期间|始终|审议|讨论|选举|听取|通过|认真)"
    r"|[^,。!?]{0,16},?是[^。!?]{0,24}?(?:发展|丰收|奋进|不平凡|不寻常|极不平凡)的一年)"
    r"|是一次[^。!?]{2,30}?的大会"
    r"|取得了?(?:显著|明显|丰硕|可喜|突出|重大|长足|良好|积极|新的)?的?(?:成效|成绩|成果|成就|进展)"
    r"|作出了(?:积极|重要|突出|重大)?的?贡献"
)
#: A short heading sentence that opens a paragraph of the review (展现了…担当。).
HEADED_MAX = 16

# --- demands preamble -------------------------------------------------------------------
PREAMBLE = re.compile(
    r"^(?:当前(?!位置)|目前|当下|眼下|站在新的?(?:历史)?起点上|面对新|新时代新征程|进入新时代|"
    r"展望未来|今后[一二三四五\d]*年|新的一年|今年是)"
)
#: The announcement of the list; group "n" is the count (几 gives none): a verb of speaking
#: or doing, then the count and what is counted (讲三点意见, 讲三句话, 从这四个方面, 抓好
#: 三大任务, 做到四个强化, 以下的五大重点).
ANNOUNCE_NOUNS = (
    r"任务|重点|方面|问题|要求|体会|感受|强化|关键|意见|希望|目标|措施|举措|工作|坚持|着力|"
    r"转变|提升|建议|看法|想法"
)
ANNOUNCE = re.compile(
    r"(?:(?:讲|谈|提|提出|强调|说|谈谈|讲讲|抓好|做好|突出|做|做到|分享|交流|聚焦|围绕|"
    r"把握|落实|实现|明确)了?(?:以下的?|如下|这|下面)?|以下的?"
    # 从 counts aspects only (从这四个方面; 从这几项收获来看 looks back)
    rf"|从(?:以下|这)?(?=(?:{COUNT})个?方面)"
    # 就 the questions it takes up (就这三个问题提一些意见)
    rf"|就(?:以下|这)(?=(?:{COUNT})个?(?:问题|方面)))"
    rf"(?!一[大个])(?P<n>{COUNT})"  # 提出了一个问题 announces nothing
    rf"(?:点|个方面|方面|条|项|句话|(?:大|个)(?={ANNOUNCE_NOUNS}))"
    r"(?:的?(?:意见|要求|希望|看法|建议|体会|想法|希望和要求|意见和建议))?"
)

#: A count of things in a lead-in (两条喜讯, 三件大事): a list follows, not always demands.
COUNTED = re.compile(rf"(?:{CN_NUM}|\d{{1,2}})(?:个|件|项|条|大|点)")

# --- hopes ------------------------------------------------------------------------------
#: Those a hope is addressed to: party committees, governments, enterprises, society.
HOPE_BODY = (
    r"(?:党委政府|党委和政府|党委|党组织|党组|党政|政府|部门|单位|企业|社会各界|各界|全社会|"
    r"领导班子|班子)"
)
#: A hope; the addressee is group a1, a2 or a3 (the widest reading within its clause).
HOPE = re.compile(
    r"(?:^|[,])(?:也|同时|还|并)?"
    r"(?:"
    rf"(?:衷心)?希望(?P<a1>[^,。!?要]{{0,24}}{HOPE_BODY})"
    rf"|(?P<a2>(?:各级|全[区县市省镇]各级|各|有关)?[^,。!?]{{0,12}}?{HOPE_BODY})(?:都|也|更)?(?:要|应|应当|务必)"
    rf"|(?:恳请|敬请|诚请|请)(?P<a3>[^,。!?]{{0,20}}?(?:{HOPE_BODY}|总工会|工会|领导|同志))"
    r")"
)
#: A pledge of support by the speaker's own body (党工委将进一步加强…): a hope with no addressee.
PLEDGE = re.compile(
    r"(?:^|[,])(?:[^,。!?]{0,12}?(?:党工委|党委|区委|市委|县委|省委|政府|我们))"
    r"将(?:进一步|一如既往|继续|始终|全力)?(?:地)?(?:加强|支持|关心|重视|关注|为)"
)

# --- closing ----------------------------------------------------------------------------
CALL = re.compile(
    r"(?:^|[,])(?:让我们(?!以?热烈的掌声)"  # (applause welcomes, not calls)
    # a call without 让我们: 我们要坚定信心、昂首阔步… / 我们要以坚定的信心…
    r"|我们(?:一定|必须|更)?要(?:以|坚定|紧密|更加|携手|团结|万众一心|同心同德|昂首阔步|继续发扬))"
)
WISH = re.compile(
    # a short lead (最后， / 这里， / 新的一年里，), the speaker, then the wish (预祝 / 祝愿 / 愿 …)
    r"^(?:[^,。!?]{1,6}[,])?(?:我|我们)?(?:也|再|还|在此)?(?:衷心|真诚|诚挚)?地?"
    r"(?:预祝|祝愿|祝福|祝|愿(?!意))"
    r".*?(?:成功|健康|顺利|幸福|愉快|快乐|吉祥|如意|圆满|安康|进步|发展|成绩|佳绩|成就|美好|"
    r"灿烂|永驻|永恒|开心|顺心|无限)"
)
#: A wish that lists what it wishes on the lines after it (祝愿大家： / 工作上，… / 身体上，…！).
WISH_LEAD = re.compile(
    r"^(?:[^,。!?]{1,8}[,])?(?:我|我们)?(?:也|再|还|在此)?(?:衷心|真诚|诚挚)?地?"
    r"(?:预祝|祝愿|祝福|祝)[^,。!?:]{0,12}:$"
)
#: A wish's first words: a line that opens so is the speech's, even cut short (祝在座的…).
WISH_OPENS = re.compile(r"(?:我们?)?(?:衷心|真诚|诚挚)?(?:预祝|祝愿|祝福|祝)")
#: How many lines a listed wish may run over.
WISH_LINES_MAX = 6
THANKS = re.compile(r"^(?:谢谢|感谢)(?:大家|各位|你们)?(?:的聆听)?[!。.\s]*$")
#: A stretch of text that ends with the speech's thanks, after a sentence or alone.
THANKS_END = re.compile(r"(?:^|[。!?])\s*(?:谢谢|感谢)(?:大家|各位|你们)?(?:的聆听)?[!。.\s]*$")

# --- prefilters -------------------------------------------------------------------------
#: cue -> words one of which a unit must contain for the cue's pattern to match at all.
#: Testing for a word is many times cheaper than running the pattern, and most units of a
#: speech match no cue. Keep each list in step with its pattern above.
NEEDS: dict[str, tuple[str, ...]] = {
    "GREETING": (*ACT_OBJECTS, "拜个"),
    "OCCASION": ("今天", "今日", "此时此刻", "在这里", "隆重", "召开", "之际", "之时", "前夕",
                 "这次", "本次", "此次", "这是", "开幕", "闭幕", "节日", "纪念日", "一年一度",
                 "是第", "是全国第", "是全省第", "是全市第", "是全区第", "是全县第", "是我国第"),
    "ANNOUNCE": ("点", "方面", "条", "项", "大", "个", "句话"),
    "REVIEW": ("以来", "年来", "近几年", "近些年", "过去", "回顾", "回首", "刚才", "取得",
               "作出了", "大会期间", "大会始终", "大会审议", "大会讨论", "大会选举", "大会听取",
               "大会通过", "大会认真", "大会,", "的大会", "的一年"),
    "HOPE": ("希望", "要", "应", "务必", "请"),
    "PLEDGE": ("将",),
    "CALL": ("让我们", "我们要", "我们一定要", "我们必须要", "我们更要"),
    "WISH": ("祝", "愿"),
}  # fmt: skip
_PATTERNS: dict[str, re.Pattern[str]] = {name: globals()[name] for name in NEEDS}


def at_clause_start(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern whose every match opens the text or starts at a
    comma, ``(?:^|[,])``, without lookbehind (HOPE, PLEDGE): it is matched there only. (The
    engine cannot skip to a match that may open with ^: search tries every position.)"""
    m = pattern.match(text)
    at = text.find(",", 1)
    while m is None and at >= 0:
        m = pattern.match(text, at)  # (past 0, ^ does not match: only the comma can)
        at = text.find(",", at + 1)
    return m


#: cue -> how its pattern is searched for (the pattern's search, or at_clause_start).
_SEARCH: dict[str, Callable[[str], re.Match[str] | None]] = {
    name: pattern.search for name, pattern in _PATTERNS.items()
}
_SEARCH["HOPE"] = partial(at_clause_start, HOPE)
_SEARCH["PLEDGE"] = partial(at_clause_start, PLEDGE)
#: cue -> a second cheap test, where the words of NEEDS are common: a character-class scan
#: that every match passes (ANNOUNCE: a count right before what it counts).
HINTS: dict[str, re.Pattern[str]] = {
    "ANNOUNCE": re.compile(r"[一二三四五六七八九十两几\d](?:点|个|方面|条|项|大|句话)"),
}
#: cue -> words one of which every match holds besides those of NEEDS, tested after them
#: where those are common (HOPE's 要, 应, 请): the addressees it can name (HOPE_BODY, or
#: 工会, 领导, 同志 after 请; 党 for each of HOPE_BODY's 党委, 党组, 党政 …).
ALSO: dict[str, re.Pattern[str]] = {
    "HOPE": re.compile(r"党|政府|部门|单位|企业|各界|全社会|班子|工会|领导|同志"),
}


def any_needed(*names: str) -> re.Pattern[str]:
    """One pattern for every word the named cues need: a unit it does not match can be none
    of them, which one search tells."""
    words = sorted({w for name in names for w in NEEDS[name]}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


#: Words one of which a unit before the first demand needs to carry any opening-side cue.
BEFORE_DEMANDS = any_needed("GREETING", "OCCASION", "ANNOUNCE", "REVIEW")
#: Words one of which a unit after the last demand needs to carry a wish, hope, pledge or
#: call (WISH_LEAD needs 祝, a word of WISH).
AFTER_DEMANDS = any_needed("WISH", "HOPE", "PLEDGE", "CALL")
#: cue -> one pattern of the words it needs (one search instead of a loop over them).
_NEEDED: dict[str, re.Pattern[str]] = {name: any_needed(name) for name in NEEDS}


def found(cue: str, text: str) -> bool:
    """Whether the cue's pattern matches ``text`` (after cheap tests: its HINT where it has
    one, else the words of NEEDS; then the words of ALSO where it has them)."""
    hint = HINTS.get(cue)
    if hint is None:
        if _NEEDED[cue].search(text) is None:
            return False
    elif hint.search(text) is None:
        return False
    also = ALSO.get(cue)
    if also is not None and also.search(text) is None:
        return False
    return _SEARCH[cue](text) is not None
