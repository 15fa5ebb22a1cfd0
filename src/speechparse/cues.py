"""Every cue phrase the parser recognises, in one place.

The patterns run on the *normalised* text (see normalize.py): full-width ASCII forms are
folded to half-width, so "，" is written "," here, "：" is ":", "（一）" is "(一)", "！" is
"!". The ideographic full stop 。 and the enumeration comma 、 have no half-width form and
stay as they are.

The lists describe the genre (../docs/genre.md), not any one speech: they are the phrases
officials use, and each is short. Add a phrase here, never in the stages that use them.
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
ADDRESS_OPENER = re.compile(r"尊敬的|亲爱的|敬爱的|各位|全体|在座的|同志们|朋友们")
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


# --- noise: inline ----------------------------------------------------------------------
#: kind -> pattern, scanned over the whole text before anything else.
#: Inline noise: (kind, pattern, hint). The hint is what every match contains (a word, or a
#: small character class): noise.py runs a pattern only in windows of NOISE_REACH
#: characters around the hint's occurrences. Every quantifier is bounded, so no match
#: reaches further and no pattern can backtrack far (bench/bench.py checks).
NOISE_REACH = 700
Hint = tuple[str, ...] | re.Pattern[str]
#: Characters speech almost never has: invisible ones, emoji, pinyin tone marks. Their hints
#: below are each one character class; one search for all of them (RARE) tells whether any
#: of their patterns need to run, which on most texts none do.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
EMOJI = "\U0001f300-\U0001faff\u2600-\u27bf"
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
RARE = re.compile(f"[{INVISIBLE}{EMOJI}{TONE_MARKS}]")
RARE_HINTS = (re.compile(f"[{INVISIBLE}]"), re.compile(f"[{EMOJI}]"), re.compile(f"[{TONE_MARKS}]"))

#: What follows a document site's page-chunk label in mid-sentence (a particle: no heading
#: begins with one).
CHUNK_NEXT = "[的了和与及等地得着之]"
#: Such a label at a line start, with the break before it.
CHUNK_LABEL = re.compile(rf"\n[ ]{{0,4}}\d{{1,2}}、{CHUNK_NEXT}")

#: Noise that is one thing: found first, anywhere.
INLINE_ATOMS: tuple[tuple[str, re.Pattern[str], Hint], ...] = (
    ("paywall_marker", re.compile(r"##[A-Za-z_]{2,20}##"), ("##",)),
    (
        "other",  # byte-order marks, zero-width spaces and joiners, soft hyphens
        re.compile(f"[{INVISIBLE}]{{1,100}}"),
        RARE_HINTS[0],
    ),
    (
        "other",  # placeholders and instructions left by templates: (名称替换),
        # (此处写领导姓名和职务，可前后调换), (领导的姓名，你可以据实替换); a page's
        # prompts: (请仔细阅读以下说明); an editor's note: (根据录音整理)
        re.compile(
            r"\((?:[^()\n]{0,30}(?:替换|调换)|请填写[^()\n]{0,8}|此处(?:填写|写|填入|输入)[^()\n]{0,20}"
            r"|请(?:仔细|认真)?阅读[^()\n]{0,12}|根据[^()\n]{0,6}(?:录音|记录)整理[^()\n]{0,6})\)"
        ),
        ("替换", "调换", "填写", "(此处", "(请", "(根据"),
    ),
    (
        "other",  # emoji
        re.compile(f"[{EMOJI}]\ufe0f?"),
        RARE_HINTS[1],
    ),
)

#: Noise that is a phrase: looked for in the text without the atoms, so that an atom inside
#: a banner (更多范文##paidbegin##请访问…) does not leave half the banner behind.
INLINE_PHRASES: tuple[tuple[str, re.Pattern[str], Hint], ...] = (
    (
        "annotation",  # pinyin after a character: 領(lǐng)導 (also with an atom between)
        re.compile(rf"(?<=[\u4e00-\u9fff)])\([a-zü]{{0,6}}[{TONE_MARKS}][a-zü]{{0,6}}\d?\)"),
        RARE_HINTS[2],
    ),
    (
        "site_notice",  # a download notice and its numbered rules run into the text
        # (温馨提示：1. 本站…。2. 如有侵权…。); on lines of their own they are line noise
        re.compile(
            r"温馨提示[ ]{0,3}:[^。!?\n]{0,60}?"  # (a meta line may come before the rules)
            r"(?:\d{1,2}[ ]{0,2}[.、][^。!?\n]{1,80}[。!?][ ]{0,3}){1,8}"
        ),
        ("温馨提示",),
    ),
    (
        "site_notice",  # the same rules without their header, each naming the site or its
        # customer service (本站…, 请联系客服…)
        # (run into other text: on lines of their own they are line noise)
        re.compile(
            r"(?<!\n)(?:\d{1,2}[ ]{0,2}[.、](?=[^。!?\n]{0,60}?(?:本站|本网|客服))"
            r"[^。!?\n]{1,80}[。!?][ ]{0,3}){1,8}"
        ),
        ("本站", "本网", "客服"),
    ),
    (
        "truncation",
        re.compile(
            r"…{0,6}\((?:[^()\n]{0,30}?省略\d{1,7}字[^()\n]{0,30}|未完[^()\n]{0,40}"
            # (closed, or cut off itself at the end of its line)
            r"|[^()\n]{0,10}全文共\d{1,7}字[^()\n]{0,30})(?:\)|(?=\n|$))…{0,6}"
            r"|(?:免费|在线)?(?:试读|预览)(?:已)?结束(?:,?[^\n。!?, ]{0,12}?"
            r"(?:请?(?:下载|购买|付费|登录)后?可?(?:查看|阅读)?(?:全文)?|(?:查看|阅读)全文))?[。!]?"
        ),
        ("省略", "未完", "全文共", "试读", "预览"),
    ),
    (
        "banner",
        re.compile(
            r"(?:(?:更多[\u4e00-\u9fff]{0,4}?|全网资源|海量资源|本站)?"
            r"(?:每日更新|免费下载|请访问|请登录|访问|登录|关注|详见|尽在))?[ ]{0,3}"
            # an address does not end in a full stop (the text after it does), and is written
            # in lower case: an X right after it is a placeholder of the speech (XX县)
            # and a digit before ), 、 or Chinese is a number of the speech the address ran
            # into: (www.x.org2) / 讲www.x.org4点要求
            r"(?:https?://|www\.)[a-z0-9./_%?=&#-]{0,199}"
            r"(?:[a-z/_%?=&#-]|\d(?![)、\u4e00-\u9fff]))"
            r"(?:[ ]{0,3}(?:免费下载|下载|阅读全文))?"
        ),
        ("www.", "http"),
    ),
    (
        "banner",  # a site's watermark run into the text, its name twice (X网本资料权属X网，
        # 放上鼠标按照提示查看X网更多资料): the name is the one that repeats
        re.compile(
            r"(?P<site>[\u4e00-\u9fff]{1,6}网)本(?:资料|文档?)(?:权属|版权归|版权属于)(?P=site)"
            r"(?:[,]?[^。!?,\n]{0,12}?查看(?P=site)[^。!?,\n]{0,6}?资料)?"
        ),
        ("权属", "版权归", "版权属于"),
    ),
    (
        "other",  # a document site's page-chunk label at a line start, in mid-sentence
        # (…支持工会工作\n2、的有关部门…), or run into the text when the page lost its line
        # breaks (…工作2、的有关部门…): no heading begins with a particle
        re.compile(rf"(?:(?<=\n)|(?<=[\u4e00-\u9fff]))[ ]{{0,4}}\d{{1,2}}、(?={CHUNK_NEXT})"),
        re.compile(f"、{CHUNK_NEXT}"),  # (a literal first: the engine skips to it)
    ),
    (
        "other",  # style sheet text leaked from the page: .content p{font-size:16px;}
        re.compile(
            r"[.#]?[A-Za-z][\w-]{0,40}(?:[ ]{0,3}[,> ][ ]{0,3}[.#]?[A-Za-z][\w-]{0,40}){0,5}"
            r"[ ]{0,3}\{[^{}\n]{0,300}\}"
        ),
        ("{",),
    ),
    (
        "other",  # a page number, alone or glued to a line start: - 3 - / 第3页
        # (a paragraph start: a line start, or two spaces where paragraphs were joined)
        re.compile(
            r"(?:(?m:^)|(?<=  )|(?<=[:。!?]))[ \t]{0,8}(?:-[ ]?\d{1,3}[ ]?-|—[ ]?\d{1,3}[ ]?—"
            r"|第[ ]?\d{1,3}[ ]?页(?:[ ]?/?[ ]?共[ ]?\d{1,3}[ ]?页)?)"
        ),
        re.compile(r"[-—第][ ]?\d"),
    ),
)

# --- noise: whole lines -----------------------------------------------------------------
#: (Every branch opens with a character, not 仅?供: the engine skips to those, 13 times faster.)
SITE_NOTICE = re.compile(
    r"(?:温馨提示|下载|版权|客服|投诉|本站|本网|本文档|仅供(?:大家|您)?(?:学习)?参考|供(?:大家|您)?(?:学习)?参考|小编|投稿|点此|不能全部显示|请勿|照搬|照抄|"
    r"转载|会员(?!代表|大会|们|群众|评议|单位)|付费|VIP|免费|原创|声明|侵权|阅读全文|点击|注册|登录|QQ|微信|公众号|扫码|"
    r"二维码|手机版|上传)"
)
BREADCRUMB = re.compile(
    r"^(?:首页|当前位置|您的位置|你的位置|您现在的位置|位置)\s*(?::|>|»|›)|\s(?:>{1,2}|»|›)\s"
)
#: The label of a site's outline of the page (目录/提纲:), whose headings are not the demands.
OUTLINE = re.compile(r"^(?:目\s*录|提\s*纲|目录/提纲|本文目录|文章目录)\s*:?\s*[….]*$")
#: What every outline label has (a fast test before OUTLINE, line by line).
OUTLINE_HINTS = ("录", "纲")
#: The label of a site summary, which may quote the opening of another speech (a decoy).
SUMMARY_LABEL = re.compile(r"(?:导读|导语|摘要|简介|内容提要|猜你喜欢|相关推荐)[ ]{0,3}:[ ]{0,3}$")
#: A page or collection title that is not this speech's, or a label such as 【篇一】.
COLLECTION_WORDS = re.compile(r"范文|精选|合集|汇编|大全|模板")
COLLECTION = re.compile(
    rf"{COLLECTION_WORDS.pattern}|\d+篇|[一二三四五六七八九十]+篇[)】]?$|\([一二三四五六七八九十]+篇\)"
    r"|^篇[一二三四五六七八九十\d]+$|^第[一二三四五六七八九十\d]+篇\s*:?$|【篇[^】]{1,3}】"
)
#: What follows the title word of a collection's name (…开幕式致辞5篇, …讲话(精选3篇),
#: …讲话稿范文): the name of a page of several speeches goes on there, it is no title.
_COUNT = r"\(?(?:精选|通用)?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*篇\)?"
COLLECTION_AFTER = re.compile(rf"\s*(?:(?:{COLLECTION_WORDS.pattern})+(?:{_COUNT})?|{_COUNT})")
#: The number of one piece on a collection page.
PIECE_NUMBER = rf"(?:{CN_NUM}|\d{{1,2}})"
#: The last characters of the title words a piece's number in brackets follows (…致辞(1)).
TITLE_WORD_ENDS = "辞词话稿言"
#: A piece's label before its own title (第一篇:, 【篇二】, 篇3) ...
PIECE_BEFORE = rf"(?:第{PIECE_NUMBER}篇|【篇?{PIECE_NUMBER}篇?】|篇{PIECE_NUMBER})"
#: ... and its number after the collection's name (… 篇1, …致辞(1)).
PIECE_AFTER = rf"(?:\s*篇\s*{PIECE_NUMBER}|(?<=[{TITLE_WORD_ENDS}])\({PIECE_NUMBER}\))"
#: The label of one piece on a collection page: after the collection's name (…讲话稿 篇1,
#: …讲话篇一, …致辞(1)), or alone or before the piece's own title (第一篇:…, 【篇二】, 篇3).
#: Group "title" is what follows the label on its line.
COLLECTION_ITEM = re.compile(
    rf"^(?:.{{2,60}}?{PIECE_AFTER}|{PIECE_BEFORE}\s*:?\s*(?P<title>.{{0,80}}))\s*:?$"
)
META = re.compile(
    r"^(?:时间|日期|发布时间|发布日期|更新时间|作者|来源|出处|编辑|责任编辑|浏览|阅读|点击|"
    r"字数|标签|关键词|关键字|导语|导读|摘要|简介|内容简介|文档简介|内容提要|猜你喜欢)\s*:|阅读\s*\d*\s*次|【(?:收藏|打印|关闭|以稿换稿|字体)】"
    r"|^\(?\s*(?:\d{4}|[一二三四五六七八九〇零]{4})\s*年[^()]{1,12}日\s*\)?$"
)
#: The posts a speaker signs with.
POSTS = (
    r"书记|副书记|主席|副主席|市长|县长|区长|省长|州长|镇长|乡长|部长|厅长|局长|处长|主任|"
    r"董事长|总经理|负责人"
)
#: A byline under the title or after the speech: the speaker's post with the name or a
#: placeholder (县委书记 XXX, 市总工会主席 ×××), or the name alone as a placeholder (XXX).
BYLINE = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{0,12}}(?:{POSTS})(?:[ ]{{0,4}}(?:[*×X]{{1,4}}|[\u4e00-\u9fff]{{2,3}}))?"
    r"|[*×X]{2,4})$"
)
#: Page furniture run on after the last sentence of a line (…谢谢大家！手机扫码阅读本文…);
#: the phrases that are never speech may follow any text (…推动企业依法手机扫码阅读本文).
INLINE_BACK = re.compile(
    r"(?<=[。!?”])[ ]{0,8}(?=相关文章|相关推荐|相关阅读|推荐阅读|猜你喜欢|热门文章|用户评论|"
    r"网友评论|上一篇|下一篇|手机扫码|扫一扫|分享到|打开APP|下载APP|THE END)"
    r"|(?=手机扫码阅读|相关文章|上一篇[:：]|下一篇[:：]|打开APP|THE END|用户评论|猜你喜欢)"
)
#: A line that starts the page furniture after the speech; everything after it is noise.
BACK_MATTER = re.compile(
    r"^(?:相关文章|相关推荐|相关阅读|推荐阅读|猜你喜欢|热门文章|热门推荐|用户评论|网友评论|"
    r"发表评论|上一篇|下一篇|手机扫码|扫一扫|微信扫一扫|分享到|分享|收藏|点赞|举报|打赏|"
    r"阅读原文|阅读全文|查看全文|展开全文|全文阅读|THE\s*END|END|返回顶部|打印本文|关闭窗口|下载APP|打开APP|APP内打开)"
)
#: The longest line that can still be a keyword of a title cut one per line.
KEYWORD_MAX = 8
#: The most characters of the second line of a broken title that is a title alone too
#: (座谈会上的讲话 after 在公司…妇女节).
TITLE_TAIL = 8
#: How many last sentences of a speech on one line (with no demands) may hold its closing.
COLLAPSED_TAIL = 12
#: The longest site summary that may quote another speech's opening (a decoy salutation).
SUMMARY_MAX = 300
#: How far into a line site text may run before the salutation, when breaks were lost.
FRONT_REACH = 1200
#: The longest line that a site-text cue can make noise as a whole: a longer one holds
#: more than site text (a speech that lost its line breaks).
NOISE_LINE_MAX = 600
#: The most running text a collection page's blurb holds before its first piece's label.
BLURB_MAX = 600
#: How far into a long line a site-text cue must come to make the line site text.
NOISE_HEAD = 80
#: How many lines of site text may come before a speech (notices, keywords, titles).
FRONT_MAX = 80

# --- metadata: who spoke, when, at what, for whom (meta.py) -----------------------------
#: The posts a speaker is named by in a title or byline (党委书记, 县委副书记, 市总工会主席);
#: a post is any words that end in one of these.
SPEAKER_POSTS = (
    r"书记|主席|委员长|省长|市长|县长|区长|州长|镇长|乡长|部长|厅长|局长|处长|科长|主任|校长|"
    r"院长|董事长|总经理|经理|厂长|矿长|所长|站长|行长|会长|理事长|秘书长|社长|总裁|"
    r"常委|委员|领导|负责人|代表|党组成员"
)
#: A person's name where a byline or title gives one: two or three characters, or a
#: template's placeholder (XXX, ***, ×××, 某某).
NAME = r"(?:[\u4e00-\u9fff]{2,3}|[X×*xＸ＊]{1,4}|某某)"
#: Who speaks, as a title or byline words them: a post, a name, or both (市委副书记 XXX).
SPEAKER = re.compile(
    rf"(?P<post>[^\s,。!?:;]*?(?:{SPEAKER_POSTS}))?\s*(?P<name>{NAME})?\s*(?:同志)?"
)
#: A name that is no speaker's (a site's placeholder author).
NOT_A_NAME = re.compile(r"^(?:佚名|本站|网友|匿名|admin|编辑|小编)$")
#: What may open a title before the speaker: a site's tag ([政治], 【范文】) and the year.
TITLE_TAG = re.compile(r"^\s*(?:\[[^\]]{1,8}\]|【[^】]{1,8}】)?\s*(?:——|—)?\s*(?:\d{4}年(?:度)?)?")
#: The meetings a title or an occasion names, by how their names end.
MEETING_END = (
    rf"(?:{MEETINGS}|论坛|研讨会|交流会|培训班|开班式|开幕式|闭幕式|启动式|启动会|全委会|"
    r"工作会|例会|(?<![工委协学])会|节)"
)
#: 在<event>上的讲话, after whoever gives it (党委书记在…上的讲话; 领导参加…活动讲话).
TITLE_EVENT = re.compile(
    rf"(?P<lead>[^在]*?)(?:在(?P<event>[^。!?]{{2,60}}?)(?:上|中|时|之际)的?"
    rf"|(?:参加|出席)(?P<event2>[^。!?]{{2,60}}?)(?:(?:上|中|时)的?)?)"
    rf"(?P<who>[^\s,。!?:;]{{0,12}}?(?:{SPEAKER_POSTS}))?{TITLE_WORD}"
)
#: <event>开幕词 / <event>校长致辞: a title that starts with the meeting.
TITLE_EVENT_FIRST = re.compile(
    rf"(?P<event>[^\s,。!?:;在]{{2,40}}?{MEETING_END})(?:上的?)?"
    rf"(?P<who>[^\s,。!?:;]{{0,12}}?(?:{SPEAKER_POSTS}))?\s*{TITLE_WORD}"
)
#: A byline: ——XXX同志, 作者: …, 主讲人: …; group "who" is the speaker.
BYLINE_WHO = re.compile(
    r"^(?:(?:——|—|--)\s*|(?:作者|主讲人|主讲|讲话人|报告人|发言人)\s*:\s*)(?P<who>[^\s(]{2,24}(?:\s+\S{1,4})?)\s*$"
)
#: A line that holds only a post and a name (公司党委书记  XXX / 县长 ***).
POST_AND_NAME = re.compile(
    rf"^(?P<who>[^\s,。!?:;]{{2,20}}?(?:{SPEAKER_POSTS})\s+{NAME})\s*(?:同志)?$"
)
#: A line that holds only a name (a byline beside a date line).
NAME_ALONE = re.compile(rf"^(?P<who>{NAME})\s*(?:同志)?$")
#: The speaker names their post in the opening (作为新当选的工会主席，我…).
SPEAKER_AS = re.compile(rf"作为(?P<who>[^,。!?;]{{2,24}}?(?:{SPEAKER_POSTS})),我")
#: The event as the occasion names it: <event>今天隆重召开 / 召开<event>.
OCCASION_EVENT = re.compile(
    rf"(?P<event>[^,。!?、;:“”\s]{{2,40}}?{MEETING_END})(?:今天|今日|现在|于今日)?(?:在这里|在此)?"
    r"(?:已经|就要|将要|即将)?(?:隆重|顺利|胜利|正式)?地?(?:召开|开幕|举行|闭幕)"
    rf"|(?:召开|举行|举办)了?(?P<event2>[^,。!?;:]{{2,40}}?{MEETING_END})"
)
#: A meeting named by no more than its kind (这次会议): no event.
GENERIC_EVENT = re.compile(r"^(?:这次|本次|此次|我们)?(?:会议|大会|会|活动|节)$")
#: Words before the meeting's name in an occasion that are not part of it.
EVENT_LEAD = re.compile(r"^(?:今天|今日|我们|在这里|这次|本次|此次|专门|隆重|,)+")
#: The kinds of meeting, each by words its name holds; the first that matches wins.
EVENT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("commendation", re.compile(r"表彰|颁奖|授奖|命名|表扬|先进事迹")),
    (
        "congress",
        re.compile(
            r"代表大会|代表会议|党代会|团代会|职代会|"
            r"妇代会|换届|选举大会|全委|中全会"
        ),
    ),
    ("training", re.compile(r"培训|研讨班|学习班|开班|讲座|轮训")),
    ("forum", re.compile(r"论坛|座谈会|研讨会|交流会|报告会|恳谈会|峰会")),
    (
        "work_meeting",
        re.compile(
            r"工作会|推进会|现场会|动员会|部署会|"
            r"调度会|例会|电视电话会|务虚会|总结会|会议"
        ),
    ),
    (
        "ceremony",
        re.compile(
            r"典礼|仪式|开幕式|闭幕式|启动|揭牌|"
            r"落成|奠基|升旗|开学|毕业|运动会|成立大会"
        ),
    ),
    (
        "festival",
        re.compile(
            r"节|团拜会|联欢会|晚会|茶话会|纪念|庆祝|"
            r"新春|元旦|五一|三八|五四|七一|八一|国庆"
        ),
    ),
)
#: The paragraphs at the start of the body where a greeting on behalf of someone ends the
#: opening: a look back before it is part of the opening.
GREETING_PARAGRAPHS = 6
#: Thanks (not congratulations, greetings or respect): how a review ends, for the work done.
THANKING = re.compile(r"感谢|谢意")
#: 我代表…，向 / 受…委托，代表…: the bodies the speaker speaks for (group "bodies").
ON_BEHALF = re.compile(
    r"(?:我|受[^,。!?]{1,60}?委托,?)(?:也|谨|首先|仅|再次|还|愿)*代表"
    r"(?P<bodies>[^,。!?;:向对给为在]{2,80}?)(?=,|向|对|给|为|热烈|衷心|表示|致以|欢迎)"
)
#: Where one body the speaker speaks for ends and the next begins.
BODY_SPLIT = re.compile(r"、(?:代表)?|和|及|与|并代表")

# --- checking a draft (check.py) --------------------------------------------------------
#: What a template leaves for the writer to fill in: XX, **, ××, ○○, a single X inside
#: Chinese (X镇, 第X次), 【此处填写…】, （名称替换）.
PLACEHOLDER = re.compile(
    r"[Xx×*○]{2,}|(?<=[\u4e00-\u9fff])[X×](?=[\u4e00-\u9fff])|(?<=第)[X×*](?=[次届])"
    r"|【此处[^】]{0,20}】|\[此处[^\]]{0,20}\]|名称替换"
)
#: The pairs a draft must balance on each line (normalised text: （） are ()).
PAIRS = {"《": "》", "“": "”", "(": ")", "【": "】"}
