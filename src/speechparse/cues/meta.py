"""The cues of a speech's metadata (meta.py: who spoke, when, at what, for whom) and of
checking a draft (check.py).
"""

from __future__ import annotations

import re

from .speech import MEETINGS, TITLE_WORD

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
