"""The cues of site text: noise inside a line (a watermark, a template's instruction, a page
counter) and whole lines of it (notices, breadcrumbs, bylines of the page, back matter), and
the words of a page that collects several speeches.
"""

from __future__ import annotations

import re

from .speech import CN_NUM

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
