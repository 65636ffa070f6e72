<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AddRelation</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="162"/>
        <source>Link {label}</source>
        <translation>ربط {label}</translation>
    </message>
</context>
<context>
    <name>AddSpan</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="77"/>
        <source>Tag {label}</source>
        <translation>وسم {label}</translation>
    </message>
</context>
<context>
    <name>AddSpans</name>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="70"/>
        <source>Tag {n} × {label}</source>
        <translation>وسم {n} × {label}</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="477"/>
        <source>Agreement between annotators</source>
        <translation>الاتفاق بين المعلِّقين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="481"/>
        <source>everyone but gold (or: amal, omar)</source>
        <translation>الجميع عدا الطبقة الذهبية (أو: amal, omar)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="483"/>
        <source>every label used (or: PER, ORG)</source>
        <translation>كل وسم مستخدم (أو: PER, ORG)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="485"/>
        <source>in progress or done</source>
        <translation>قيد العمل أو منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="486"/>
        <source>done only</source>
        <translation>المنجز فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="487"/>
        <source>Compute</source>
        <translation>احسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="488"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="499"/>
        <source>Annotators:</source>
        <translation>المعلِّقون:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="500"/>
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="501"/>
        <source>Documents count when:</source>
        <translation>تُحسب المستندات عندما تكون:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="562"/>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="581"/>
        <source>{done} / {total} documents</source>
        <translation>{done} / {total} مستندًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="588"/>
        <source>{n} annotators, {n2} pairs; {documents} of {documents_selected} documents counted for all of them.</source>
        <translation>{n} معلِّقين، {n2} أزواج؛ حُسب {documents} من {documents_selected} مستندًا لهم جميعًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="598"/>
        <source>No figures: {message}</source>
        <translation>لا أرقام: {message}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="601"/>
        <source>Cancelled: the figures shown (if any) are from the previous run.</source>
        <translation>أُلغي: الأرقام المعروضة (إن وُجدت) من التشغيل السابق.</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="311"/>
        <source>Figure shown in the matrix and the chart</source>
        <translation>المقياس المعروض في المصفوفة والمخطط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="320"/>
        <location filename="../../annotator/ui/agreement_view.py" line="440"/>
        <source>Pick a cell to see what it rests on.</source>
        <translation>اختر خلية لترى ما تستند إليه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="338"/>
        <source>Figure:</source>
        <translation>المقياس:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="341"/>
        <source>Rows: the reference annotator (precision and recall are against it).</source>
        <translation>الصفوف: المعلِّق المرجعي (الدقة والاستدعاء محسوبان مقابله).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="361"/>
        <source>Per label</source>
        <translation>لكل وسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="362"/>
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="363"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="364"/>
        <source>What the figures rest on</source>
        <translation>ما تستند إليه الأرقام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="400"/>
        <source>Based on {documents} of {documents_selected} documents (counted for every annotator). Missing annotations: {missing_policy}</source>
        <translation>بناءً على {documents} من {documents_selected} مستندًا (محسوبة لكل معلِّق). التعليقات الناقصة: {missing_policy}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="428"/>
        <source>all labels</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="432"/>
        <source>mean over pairs</source>
        <translation>المتوسط على الأزواج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="432"/>
        <source>all pairs pooled</source>
        <translation>كل الأزواج مجمَّعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="434"/>
        <source>{value} per label ({how})</source>
        <translation>{value} لكل وسم ({how})</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="445"/>
        <source>Pick a cell off the diagonal to see what it rests on.</source>
        <translation>اختر خلية خارج القطر لترى ما تستند إليه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="450"/>
        <source>{reference} (reference) and {other}: {documents} documents, {tokens} tokens; {reference2} and {other2} spans, {matched} matched exactly (P {value_text}, R {value_text2}), {matched2} by overlap; kappa {value_text3}.</source>
        <translation>{reference} (مرجع) و{other}: {documents} مستندًا، {tokens} وحدة؛ {reference2} و{other2} مقطعًا، {matched} متطابقة تمامًا (P {value_text}، R {value_text2})، و{matched2} بالتداخل؛ كابا {value_text3}.</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <location filename="../../annotator/ui/annotations_panel.py" line="61"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/annotations_panel.py" line="62"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/annotations_panel.py" line="63"/>
        <source>Attributes, relations</source>
        <translation>السمات، العلاقات</translation>
    </message>
</context>
<context>
    <name>BackupKeeper</name>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="140"/>
        <location filename="../../annotator/ui/backups_dialog.py" line="158"/>
        <source>Backup failed: {exc}</source>
        <translation>فشل النسخ الاحتياطي: {exc}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="173"/>
        <source>Made</source>
        <translation>أُنشئت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="174"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="175"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="176"/>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="177"/>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="183"/>
        <source>Restore backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="200"/>
        <source>Back up now</source>
        <translation>انسخ احتياطيًا الآن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="201"/>
        <source>Restore…</source>
        <translation>استعادة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="221"/>
        <source> A backup is made on opening and every {value} minutes; the newest {keep} are kept.</source>
        <translation> تُنشأ نسخة احتياطية عند الفتح وكل {value} دقيقة؛ وتُحفظ أحدث {keep} نسخ.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="225"/>
        <source>Backups of {value} (in {value2}).{every}
Restoring replaces the project with the backup; the project as it is now is backed up first.</source>
        <translation>النسخ الاحتياطية لـ {value} (في {value2}).{every}
الاستعادة تستبدل المشروع بالنسخة الاحتياطية؛ ويُنسخ المشروع بحالته الحالية احتياطيًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="262"/>
        <source>Backed up to {name}</source>
        <translation>نُسخ احتياطيًا إلى {name}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="275"/>
        <source>Replace the project with the backup made {describe}?

The project as it is now is backed up first, so this can be undone by restoring that backup. The undo history is cleared.</source>
        <translation>أتريد استبدال المشروع بالنسخة الاحتياطية المُنشأة {describe}؟

يُنسخ المشروع بحالته الحالية احتياطيًا أولًا، فيمكن التراجع عن ذلك باستعادة تلك النسخة. ويُمسح سجل التراجع.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../annotator/ui/charts.py" line="50"/>
        <source>No figures to show.</source>
        <translation>لا أرقام للعرض.</translation>
    </message>
</context>
<context>
    <name>CliticSelection</name>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="162"/>
        <source>Tagged the stem {quoted} ({FSI}{clitics}{PDI} left out). Ctrl+Z undoes it.</source>
        <translation>وُسم الجذع {quoted} (دون {FSI}{clitics}{PDI}). يتراجع Ctrl+Z عن ذلك.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="166"/>
        <location filename="../../annotator/ui/clitic_selection.py" line="227"/>
        <source>Use whole word</source>
        <translation>استخدم الكلمة كاملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="169"/>
        <source>Use stem {quoted}</source>
        <translation>استخدم الجذع {quoted}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="184"/>
        <source>Move the start of this {label} span (Ctrl+Shift+S)</source>
        <translation>حرِّك بداية مقطع {label} هذا (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="227"/>
        <source>Use stem</source>
        <translation>استخدم الجذع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="229"/>
        <source>{what} of {label}</source>
        <translation>{what} لـ {label}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="237"/>
        <source>Select a span first.</source>
        <translation>اختر مقطعًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="246"/>
        <source>The span does not start with a word with proclitics (و ف ب ل ك ال).</source>
        <translation>لا يبدأ المقطع بكلمة فيها سوابق (و ف ب ل ك ال).</translation>
    </message>
</context>
<context>
    <name>DeleteRelation</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="183"/>
        <source>Remove {label}</source>
        <translation>إزالة {label}</translation>
    </message>
</context>
<context>
    <name>DeleteSpan</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="98"/>
        <source>Delete {label}</source>
        <translation>حذف {label}</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="80"/>
        <source>No span selected. Select one in the text (click, Tab) or in the list.</source>
        <translation>لا مقطع محدد. اختر مقطعًا في النص (بالنقر أو Tab) أو في القائمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="96"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="97"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="99"/>
        <source>start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="101"/>
        <source>end</source>
        <translation>النهاية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="103"/>
        <source>Offsets</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="104"/>
        <source>Annotator</source>
        <translation>المعلِّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="106"/>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="108"/>
        <source>This label has no attributes.</source>
        <translation>لا سمات لهذا الوسم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="111"/>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="114"/>
        <source>Link…  (L)</source>
        <translation>ربط…  (L)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="115"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="199"/>
        <source>{annotator}   (span id {id})</source>
        <translation>{annotator}   (معرِّف المقطع {id})</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="230"/>
        <source>{value} (not in the scheme)</source>
        <translation>{value} (ليس في المخطط)</translation>
    </message>
</context>
<context>
    <name>DisagreementsPanel</name>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="127"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="128"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="129"/>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="130"/>
        <source>Gold</source>
        <translation>الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="142"/>
        <source>Review state of this document</source>
        <translation>حالة مراجعة هذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="143"/>
        <source>Mark adjudicated</source>
        <translation>علِّم كمحسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="145"/>
        <source>Review state:</source>
        <translation>حالة المراجعة:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="149"/>
        <source>Overlaid</source>
        <translation>متراكبة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="150"/>
        <source>Side by side</source>
        <translation>جنبًا إلى جنب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="156"/>
        <source>Layers:</source>
        <translation>الطبقات:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="171"/>
        <source>Accept all agreed</source>
        <translation>اقبل كل المتفق عليه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="192"/>
        <source>Accept</source>
        <translation>اقبل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="194"/>
        <source>Reject</source>
        <translation>ارفض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="197"/>
        <source>Annotator whose version to take</source>
        <translation>المعلِّق الذي تؤخذ نسخته</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="198"/>
        <source>Take version</source>
        <translation>خذ النسخة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="204"/>
        <source>Take</source>
        <translation>خذ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="209"/>
        <source>Accept or reject the option picked below. Take version: the annotator&apos;s spans over the selected text (or the picked disagreement) replace gold&apos;s there. Gold can also be tagged and edited directly.</source>
        <translation>اقبل الخيار المختار أدناه أو ارفضه. «خذ النسخة»: تحل مقاطع المعلِّق على النص المحدد (أو الخلاف المختار) محل مقاطع الطبقة الذهبية هناك. ويمكن أيضًا وسم الطبقة الذهبية وتحريرها مباشرة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="284"/>
        <source>Fewer than two annotators worked on this document: nothing to compare.</source>
        <translation>عمل على هذا المستند أقل من معلِّقَين: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="288"/>
        <source>Under the gold text, one stripe per annotator (first annotator lowest) in the label&apos;s colour; red dashed outlines mark open disagreements.</source>
        <translation>تحت النص الذهبي شريط لكل معلِّق (أولهم في الأسفل) بلون الوسم؛ والحدود الحمراء المتقطعة تدل على الخلافات المفتوحة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="294"/>
        <source>Each annotator&apos;s layer in its own pane; red dashed outlines mark open disagreements.</source>
        <translation>طبقة كل معلِّق في لوحتها الخاصة؛ والحدود الحمراء المتقطعة تدل على الخلافات المفتوحة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="311"/>
        <source>No document.</source>
        <translation>لا مستند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="362"/>
        <source>agreed by everyone</source>
        <translation>متفق عليه من الجميع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="363"/>
        <source>{n} spans, {n2} relations</source>
        <translation>{n} مقطعًا، {n2} علاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="365"/>
        <source>{in_gold}/{n} in gold</source>
        <translation>{in_gold}/{n} في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="374"/>
        <location filename="../../annotator/ui/review_panel.py" line="386"/>
        <source>everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="399"/>
        <source>Annotators here: {value}. Fewer than two: nothing to compare.</source>
        <translation>المعلِّقون هنا: {value}. أقل من اثنين: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="408"/>
        <source>{n} disagreements ({open_count} open){value}. {n2} spans agreed by all of {join}.</source>
        <translation>{n} خلافًا ({open_count} مفتوحًا){value}. {n2} مقطعًا اتفق عليها كلٌّ من {join}.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="417"/>
        <source>Accept all agreed ({waiting} not in gold yet)</source>
        <translation>اقبل كل المتفق عليه ({waiting} ليست في الطبقة الذهبية بعد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="440"/>
        <source>not {join}</source>
        <translation>ليس {join}</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="59"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="60"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="61"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="259"/>
        <source>{exc}

The undo history no longer matches the project and was cleared.</source>
        <translation>{exc}

لم يعد سجل التراجع مطابقًا للمشروع فمُسح.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="175"/>
        <source>Export annotations</source>
        <translation>تصدير التعليقات التوضيحية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="188"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="203"/>
        <source>Only documents marked done (in the exported layer)</source>
        <translation>المستندات المعلَّمة كمنجزة فقط (في الطبقة المصدَّرة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="206"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="206"/>
        <source>Export as</source>
        <translation>يُصدَّر باسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="206"/>
        <source>Spans in layer</source>
        <translation>المقاطع في الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="226"/>
        <source>Select all</source>
        <translation>تحديد الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="227"/>
        <source>Select none</source>
        <translation>إلغاء تحديد الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="234"/>
        <source>Labels to export (double-click a name under “Export as” to rename it)</source>
        <translation>الوسوم المراد تصديرها (انقر نقرًا مزدوجًا على اسم تحت «يُصدَّر باسم» لإعادة تسميته)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="242"/>
        <source>none (train, dev, test: 0.8,0.1,0.1)</source>
        <translation>بلا (تدريب، تطوير، اختبار: 0.8,0.1,0.1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="247"/>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="258"/>
        <source>1: strict single-column BIO (overlapping spans dropped and counted)</source>
        <translation>1: عمود BIO واحد صارم (تُسقط المقاطع المتداخلة وتُعدّ)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="262"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="263"/>
        <source>Output</source>
        <translation>المخرَج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="265"/>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="267"/>
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="268"/>
        <source>Tokenizer</source>
        <translation>المقطِّع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="272"/>
        <source>CoNLL tag columns</source>
        <translation>أعمدة وسوم CoNLL</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="288"/>
        <source>The summary of the export appears here.</source>
        <translation>يظهر ملخص التصدير هنا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="293"/>
        <location filename="../../annotator/ui/export_dialog.py" line="548"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="295"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="297"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="421"/>
        <source>A folder (created, or replacing an earlier export of this kind)</source>
        <translation>مجلد (يُنشأ، أو يحل محل تصدير سابق من هذا النوع)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="424"/>
        <source>A file (with a split: one file per split beside it)</source>
        <translation>ملف (مع التقسيم: ملف لكل قسم بجانبه)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="424"/>
        <source>A file</source>
        <translation>ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="438"/>
        <source>Export to a folder (give its name)</source>
        <translation>التصدير إلى مجلد (أدخل اسمه)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="440"/>
        <source>Folder (*)</source>
        <translation>مجلد (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="446"/>
        <source>Export to a file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="448"/>
        <source>{name} (*{suffix});;All files (*)</source>
        <translation>{name} (*{suffix});;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="481"/>
        <source>This project is not saved in a file, so it cannot be exported in the background.</source>
        <translation>هذا المشروع غير محفوظ في ملف، فلا يمكن تصديره في الخلفية.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="493"/>
        <source>Exporting to {output} …</source>
        <translation>جارٍ التصدير إلى {output} …</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="522"/>
        <source>Exporting: document {done} of {total}</source>
        <translation>جارٍ التصدير: المستند {done} من {total}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="530"/>
        <source>Exported {count} document{value}.</source>
        <translation>صُدِّر {count} مستند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="539"/>
        <source>The export failed: nothing was written.</source>
        <translation>فشل التصدير: لم يُكتب شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="540"/>
        <source>The export failed: nothing was written.

{message}</source>
        <translation>فشل التصدير: لم يُكتب شيء.

{message}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="545"/>
        <source>Cancelled: nothing was written.</source>
        <translation>أُلغي: لم يُكتب شيء.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="76"/>
        <source>Find in the text</source>
        <translation>ابحث في النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="83"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="85"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="88"/>
        <source>Close the find bar</source>
        <translation>أغلق شريط البحث</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="96"/>
        <source>How the text typed matches. Harakat and tatweel are ignored, and أ إ آ ٱ, ى, ة match ا, ي, ه (except with Exact characters). Word + clitics: a whole word, also after و ف ب ل ك ال and their combinations (روسيا finds the stem of لروسيا).</source>
        <translation>كيف يُطابَق النص المكتوب. تُتجاهل الحركات والتطويل، وتطابق أ إ آ ٱ، ى، ة الحروفَ ا، ي، ه (إلا مع «أحرف مطابقة تمامًا»). «كلمة + سوابق»: كلمة كاملة، وكذلك بعد و ف ب ل ك ال وتركيباتها (روسيا تجد جذع لروسيا).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="102"/>
        <source>Fold ؤ ئ</source>
        <translation>توحيد ؤ ئ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="104"/>
        <source>Also fold hamza on waw and ya (ؤ matches و, ئ matches ي)</source>
        <translation>وحِّد أيضًا الهمزة على الواو والياء (ؤ تطابق و، ئ تطابق ي)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="108"/>
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="179"/>
        <source>no matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="181"/>
        <source>{value} of </source>
        <translation>{value} من </translation>
    </message>
</context>
<context>
    <name>HitModel</name>
    <message>
        <location filename="../../annotator/ui/hit_list.py" line="78"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/hit_list.py" line="79"/>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/hit_list.py" line="80"/>
        <source>Clitics</source>
        <translation>السوابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/hit_list.py" line="81"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="109"/>
        <source>Import documents and annotations</source>
        <translation>استيراد المستندات والتعليقات التوضيحية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="123"/>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="124"/>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="125"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="135"/>
        <source>Detect the format of each file (shown in the list)</source>
        <translation>اكتشف صيغة كل ملف (تظهر في القائمة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="146"/>
        <source>as in the file (else the project&apos;s annotator)</source>
        <translation>كما في الملف (وإلا فمعلِّق المشروع)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="150"/>
        <source>Add unknown labels to the label scheme (instead of refusing the file)</source>
        <translation>أضف الوسوم غير المعروفة إلى مخطط الوسوم (بدلًا من رفض الملف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="153"/>
        <source>CoNLL: repair malformed lines (each repair is listed) instead of stopping</source>
        <translation>CoNLL: أصلح الأسطر المعيبة (مع سرد كل إصلاح) بدلًا من التوقف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="156"/>
        <source>Label Studio: import predictions (a model&apos;s pre-annotations) as suggestions to accept or reject</source>
        <translation>Label Studio: استورد التنبؤات (تعليقات النموذج المسبقة) اقتراحاتٍ تُقبَل أو تُرفَض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="161"/>
        <source>every column after the token if all hold BIO tags, else the last (e.g. 4, -1 or 3,4)</source>
        <translation>كل عمود بعد الكلمة إن كانت كلها وسوم BIO، وإلا فالأخير (مثلًا 4 أو ⁦-1⁩ أو 3,4)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="165"/>
        <source>CoNLL: the columns that hold BIO tags; column 1 is the token, -1 the last column. CoNLL-2003 files (token, part of speech, chunk, entity) need nothing here.</source>
        <translation>CoNLL: الأعمدة التي تحمل وسوم BIO؛ العمود 1 هو الكلمة، و⁦-1⁩ هو العمود الأخير. ملفات CoNLL-2003 (الكلمة، قسم الكلام، المجموعة النحوية، الكيان) لا تحتاج شيئًا هنا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="172"/>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="173"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="174"/>
        <source>Annotator layer</source>
        <translation>طبقة المعلِّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="178"/>
        <source>CoNLL tag columns</source>
        <translation>أعمدة وسوم CoNLL</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="184"/>
        <source>One transaction: if anything is wrong, nothing is imported.</source>
        <translation>معاملة واحدة: إن كان في شيء خطأ فلا يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="188"/>
        <source>What was imported (or what is wrong) appears here.</source>
        <translation>يظهر هنا ما استُورد (أو ما فيه خطأ).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="192"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="194"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="196"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="253"/>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="256"/>
        <source>Annotations and text (*.jsonl *.ndjson *.json *.conll *.conllu *.iob *.bio *.tsv *.ann *.txt *.text);;All files (*)</source>
        <translation>تعليقات توضيحية ونصوص (*.jsonl *.ndjson *.json *.conll *.conllu *.iob *.bio *.tsv *.ann *.txt *.text);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="265"/>
        <source>Import a folder (brat, or text files)</source>
        <translation>استيراد مجلد (brat، أو ملفات نصية)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="285"/>
        <source>{FSI}{path}{PDI}    [{kind}, detected]</source>
        <translation>{FSI}{path}{PDI}    [{kind}، مكتشفة]</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="327"/>
        <source>This project is not saved in a file, so it cannot be imported into in the background.</source>
        <translation>هذا المشروع غير محفوظ في ملف، فلا يمكن الاستيراد إليه في الخلفية.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="341"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="375"/>
        <source>Imported {count} document{value}.</source>
        <translation>استُورد {count} مستند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="392"/>
        <source>Cancelled. {nothing}</source>
        <translation>أُلغي. {nothing}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="398"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../annotator/ui/job_dialog.py" line="67"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../annotator/ui/palette.py" line="55"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/palette.py" line="72"/>
        <source>Tag as {name}</source>
        <translation>وسم كـ {name}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/palette.py" line="80"/>
        <source> (key {key}; Alt+{key} tags the exact selection)</source>
        <translation> (المفتاح {key}؛ Alt+{key} يسم التحديد كما هو تمامًا)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/palette.py" line="87"/>
        <source>Tag the selection as {name}{what}{key}</source>
        <translation>وسم التحديد كـ {name}{what}{key}</translation>
    </message>
</context>
<context>
    <name>LayerPane</name>
    <message>
        <location filename="../../annotator/ui/review_side_by_side.py" line="75"/>
        <source>{name} has no spans here.</source>
        <translation>لا مقاطع لـ {name} هنا.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="119"/>
        <source>This project has no documents yet: drop text files here to import them.</source>
        <translation>لا مستندات في هذا المشروع بعد: أفلت ملفات نصية هنا لاستيرادها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="167"/>
        <source>Filter by title, id or status</source>
        <translation>رشِّح بالعنوان أو المعرِّف أو الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="196"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="203"/>
        <source>Selected span</source>
        <translation>المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="206"/>
        <source>Annotations</source>
        <translation>التعليقات التوضيحية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="294"/>
        <source>(in memory)</source>
        <translation>(في الذاكرة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="328"/>
        <source>Opened {path}</source>
        <translation>فُتح {path}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="335"/>
        <source>Give your name to annotate (File &gt; Annotator name…).</source>
        <translation>أدخل اسمك لتبدأ التوسيم (ملف &gt; اسم المعلِّق…).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="363"/>
        <source>The label scheme changed: the undo history was cleared.</source>
        <translation>تغيَّر مخطط الوسوم: مُسح سجل التراجع.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="377"/>
        <source>The label scheme editor is not available in this version.</source>
        <translation>محرر مخطط الوسوم غير متاح في هذا الإصدار.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="496"/>
        <source>Every document in the list is done.</source>
        <translation>كل المستندات في القائمة منجزة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="498"/>
        <source>Give your name to track progress.</source>
        <translation>أدخل اسمك لمتابعة التقدم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="544"/>
        <source>Annotator: {annotator}</source>
        <translation>المعلِّق: {annotator}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="546"/>
        <source>Annotator: all layers</source>
        <translation>المعلِّق: كل الطبقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="549"/>
        <source>Document {value}/{count}</source>
        <translation>المستند {value}/{count}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="551"/>
        <source>Document 0/{count}</source>
        <translation>المستند 0/{count}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="555"/>
        <source>{spans} span</source>
        <translation>مقطع واحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="555"/>
        <source>{spans} spans</source>
        <translation>{spans} مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="559"/>
        <source>{relations} relation</source>
        <translation>علاقة واحدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="561"/>
        <source>{relations} relations</source>
        <translation>{relations} علاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="565"/>
        <source>Done {done}/{count}</source>
        <translation>منجز {done}/{count}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="678"/>
        <source>Opened {name}; the other dropped files were not used.</source>
        <translation>فُتح {name}؛ ولم تُستخدم الملفات الأخرى المُفلتة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="692"/>
        <source>Nothing was imported: the project is unchanged.

{exc}</source>
        <translation>لم يُستورد شيء: المشروع لم يتغير.

{exc}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="693"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="699"/>
        <source>Imported: {summary}{notes}</source>
        <translation>استُورد: {summary}{notes}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="303"/>
        <source>Merge annotator databases</source>
        <translation>دمج قواعد بيانات المعلِّقين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="306"/>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="307"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="311"/>
        <source>every layer but gold (or: amal, omar)</source>
        <translation>كل الطبقات عدا الذهبية (أو: amal, omar)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="312"/>
        <source>Also merge the gold layer</source>
        <translation>ادمج الطبقة الذهبية أيضًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="313"/>
        <source>Add labels this project&apos;s scheme lacks (instead of reporting them)</source>
        <translation>أضف الوسوم التي يفتقدها مخطط هذا المشروع (بدلًا من الإبلاغ عنها)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="319"/>
        <source>Only these layers:</source>
        <translation>هذه الطبقات فقط:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="322"/>
        <source>Documents are matched by id and text; a document whose text differs is reported, not merged. Merging the same file twice adds nothing; nothing is ever deleted, and no document&apos;s text or other annotator&apos;s layer changes.</source>
        <translation>تُطابَق المستندات بالمعرِّف والنص؛ والمستند الذي يختلف نصه يُبلَّغ عنه ولا يُدمج. دمج الملف نفسه مرتين لا يضيف شيئًا؛ ولا يُحذف شيء أبدًا، ولا يتغير نص أي مستند ولا طبقة أي معلِّق آخر.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="329"/>
        <source>Annotator databases:</source>
        <translation>قواعد بيانات المعلِّقين:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="355"/>
        <source>Annotator databases</source>
        <translation>قواعد بيانات المعلِّقين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="368"/>
        <source>Add the annotators&apos; database files first.</source>
        <translation>أضف ملفات قواعد بيانات المعلِّقين أولًا.</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="193"/>
        <location filename="../../annotator/ui/review_distribute.py" line="258"/>
        <source>Package for annotator</source>
        <translation>حزمة لمعلِّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="199"/>
        <source>the annotator&apos;s name</source>
        <translation>اسم المعلِّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="212"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="213"/>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="217"/>
        <source>the package file to write, e.g. amal.annotator.db</source>
        <translation>ملف الحزمة المراد كتابته، مثل amal.annotator.db</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="218"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="224"/>
        <source>Documents:</source>
        <translation>المستندات:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="229"/>
        <source>Annotator:</source>
        <translation>المعلِّق:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="230"/>
        <source>Write to:</source>
        <translation>اكتب إلى:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="233"/>
        <source>The package holds the chosen documents, the label scheme and the annotator&apos;s own layer, nothing of anyone else&apos;s. They annotate it offline; File &gt; Merge annotator databases… brings it back.</source>
        <translation>تحوي الحزمة المستندات المختارة ومخطط الوسوم وطبقة المعلِّق نفسه، ولا شيء من طبقات غيره. يوسِّمها دون اتصال؛ ثم يعيدها الأمر ملف &gt; دمج قواعد بيانات المعلِّقين….</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="279"/>
        <source>Give the annotator&apos;s name.</source>
        <translation>أدخل اسم المعلِّق.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="282"/>
        <source>Choose the file to write.</source>
        <translation>اختر الملف المراد كتابته.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="285"/>
        <source>Check at least one document.</source>
        <translation>اختر مستندًا واحدًا على الأقل.</translation>
    </message>
</context>
<context>
    <name>ProjectWatch</name>
    <message>
        <location filename="../../annotator/ui/project_watch.py" line="97"/>
        <source>The project was changed by another program: its changes are shown.</source>
        <translation>غيَّر برنامج آخر المشروع: تُعرض تغييراته.</translation>
    </message>
</context>
<context>
    <name>PropagateDialog</name>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="125"/>
        <source>Tag all occurrences</source>
        <translation>وسم كل المواضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="136"/>
        <source>Tag every occurrence of {quoted} as {label}</source>
        <translation>وسم كل مواضع {quoted} كـ {label}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="149"/>
        <source>Also after و ف ب ل ك ال (the new span covers the stem only)</source>
        <translation>وكذلك بعد و ف ب ل ك ال (يغطي المقطع الجديد الجذع فقط)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="165"/>
        <source>Check all</source>
        <translation>تحديد الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="167"/>
        <source>Uncheck all</source>
        <translation>إلغاء تحديد الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="172"/>
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="178"/>
        <source>Where:</source>
        <translation>أين:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="215"/>
        <source>overlaps {join}</source>
        <translation>يتداخل مع {join}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="221"/>
        <source>{found} occurrence{value} to tag</source>
        <translation>{found} موضعًا للوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="224"/>
        <source> in {documents} document{value} (of {documents_searched})</source>
        <translation> في {documents} مستندًا (من {documents_searched})</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="228"/>
        <source>; {already_tagged} already tagged {label}, left as they are</source>
        <translation>؛ {already_tagged} موسومة أصلًا بـ {label}، تُركت كما هي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="232"/>
        <source>. Nothing to do.</source>
        <translation>. لا شيء لفعله.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="234"/>
        <source>. Uncheck the ones that are not this entity.</source>
        <translation>. ألغِ تحديد ما ليس من هذا الكيان.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="257"/>
        <source>Apply ({count})</source>
        <translation>تطبيق ({count})</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="274"/>
        <source>Tag all {quoted} as {label} ({n})</source>
        <translation>وسم كل {quoted} كـ {label} ({n})</translation>
    </message>
</context>
<context>
    <name>RelationPicker</name>
    <message>
        <location filename="../../annotator/ui/relation_picker.py" line="100"/>
        <source>Link span</source>
        <translation>ربط المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/relation_picker.py" line="107"/>
        <source>Link {label} {surface} to (nearest first):</source>
        <translation>ربط {label} {surface} بـ (الأقرب أولًا):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/relation_picker.py" line="112"/>
        <source>Filter</source>
        <translation>ترشيح</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="88"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="91"/>
        <source>Documents to review</source>
        <translation>المستندات المراد مراجعتها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="97"/>
        <source>Annotators&apos; layers</source>
        <translation>طبقات المعلِّقين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="169"/>
        <source>Review mode: the text shows the gold layer; every annotator&apos;s layer is shown and compared.</source>
        <translation>وضع المراجعة: يعرض النص الطبقة الذهبية؛ وتُعرض طبقة كل معلِّق وتُقارن.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="177"/>
        <source>Review mode off: only your own layer is shown.</source>
        <translation>أُوقف وضع المراجعة: تُعرض طبقتك أنت فقط.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="315"/>
        <source>Reading every document&apos;s disagreements…</source>
        <translation>جارٍ قراءة خلافات كل المستندات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="329"/>
        <source>Reading documents: {done}/{total}</source>
        <translation>قراءة المستندات: {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="332"/>
        <source>Could not read the documents: {message}</source>
        <translation>تعذَّرت قراءة المستندات: {message}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="344"/>
        <source>{n} documents: {with_open} with open disagreements, {adjudicated} adjudicated.</source>
        <translation>{n} مستندًا: {with_open} فيها خلافات مفتوحة، {adjudicated} محسومة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="396"/>
        <source>No open disagreement left in this document.</source>
        <translation>لم يبقَ خلاف مفتوح في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="431"/>
        <source>Switch review mode on first (Review &gt; Review mode).</source>
        <translation>شغِّل وضع المراجعة أولًا (المراجعة &gt; وضع المراجعة).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="442"/>
        <source>Pick a disagreement (or one of its options) in the Review panel first.</source>
        <translation>اختر خلافًا (أو أحد خياراته) في لوحة المراجعة أولًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="449"/>
        <source>This disagreement has several options: pick the one to accept or reject.</source>
        <translation>لهذا الخلاف عدة خيارات: اختر ما تريد قبوله أو رفضه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="462"/>
        <location filename="../../annotator/ui/review_mode.py" line="469"/>
        <source>Accept {label}</source>
        <translation>قبول {label}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="480"/>
        <location filename="../../annotator/ui/review_mode.py" line="483"/>
        <source>Reject {label}</source>
        <translation>رفض {label}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="501"/>
        <source>No annotator to take a version from.</source>
        <translation>لا معلِّق تؤخذ منه نسخة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="505"/>
        <source>Select some text, or pick a disagreement, to take a version of.</source>
        <translation>حدِّد نصًا، أو اختر خلافًا، لتأخذ نسخة منه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="510"/>
        <source>Take {annotator}&apos;s version</source>
        <translation>أخذ نسخة {annotator}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="516"/>
        <source>Switch review mode on and open a document first.</source>
        <translation>شغِّل وضع المراجعة وافتح مستندًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="519"/>
        <source>Accept everything agreed</source>
        <translation>قبول كل المتفق عليه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="521"/>
        <source>Gold already holds everything the annotators agree on.</source>
        <translation>الطبقة الذهبية تحوي أصلًا كل ما اتفق عليه المعلِّقون.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="529"/>
        <source>Mark {replace}</source>
        <translation>تعليم {replace}</translation>
    </message>
</context>
<context>
    <name>ReviewDocumentsModel</name>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="572"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="573"/>
        <source>Review state</source>
        <translation>حالة المراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="574"/>
        <source>Open / all</source>
        <translation>المفتوحة / الكل</translation>
    </message>
</context>
<context>
    <name>ReviewDocumentsPanel</name>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="690"/>
        <source>Show:</source>
        <translation>عرض:</translation>
    </message>
</context>
<context>
    <name>SchemeEditorDialog</name>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="214"/>
        <location filename="../../annotator/ui/scheme_editor.py" line="224"/>
        <location filename="../../annotator/ui/scheme_editor.py" line="232"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="215"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="216"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="217"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="218"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="219"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="225"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="226"/>
        <source>Values (comma-separated)</source>
        <translation>القيم (مفصولة بفواصل)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="227"/>
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="233"/>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="255"/>
        <location filename="../../annotator/ui/scheme_editor.py" line="1109"/>
        <source>Label scheme</source>
        <translation>مخطط الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="260"/>
        <source>Span labels</source>
        <translation>وسوم المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="261"/>
        <source>Relation labels</source>
        <translation>وسوم العلاقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="332"/>
        <source>&amp;Add label</source>
        <translation>إ&amp;ضافة وسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="333"/>
        <source>&amp;Remove label…</source>
        <translation>إ&amp;زالة وسم…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="334"/>
        <source>Move &amp;up</source>
        <translation>نقل لأ&amp;على</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="335"/>
        <source>Move &amp;down</source>
        <translation>نقل لأ&amp;سفل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="347"/>
        <location filename="../../annotator/ui/scheme_editor.py" line="715"/>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="359"/>
        <source>Add a&amp;ttribute</source>
        <translation>إضافة &amp;سمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="360"/>
        <source>Remove attri&amp;bute</source>
        <translation>إزالة س&amp;مة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="369"/>
        <source>A choice attribute needs values; its default must be one of them. A bool default is true or false. Leave the default empty for none.</source>
        <translation>السمة الاختيارية تحتاج إلى قيم، وقيمتها الافتراضية يجب أن تكون إحداها. والقيمة الافتراضية المنطقية true أو false. اترك الافتراضي فارغًا لعدم وجوده.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="403"/>
        <source>Add re&amp;lation label</source>
        <translation>إضافة وسم &amp;علاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="404"/>
        <source>Remove relation label…</source>
        <translation>إزالة وسم علاقة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="419"/>
        <source>Heads (from)</source>
        <translation>الرؤوس (من)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="420"/>
        <source>Children (to)</source>
        <translation>التوابع (إلى)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="438"/>
        <source>A relation links a head span to a child span. No label checked on a side: any label.</source>
        <translation>العلاقة تربط مقطعًا رأسًا بمقطع تابع. إن لم يُحدَّد وسم في جهة: فأي وسم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="580"/>
        <source>Label colour</source>
        <translation>لون الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="659"/>
        <source>Remove label</source>
        <translation>إزالة الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="661"/>
        <source>1 span</source>
        <translation>مقطع واحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="661"/>
        <source>{count} spans</source>
        <translation>{count} مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="663"/>
        <source>The label “{name}” is used by {spans}. What should happen to them?</source>
        <translation>الوسم «{name}» مستخدم في {spans}. ماذا يحدث لها؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="667"/>
        <source>Deleting spans also deletes their relations. Nothing changes until you press OK in the label scheme.</source>
        <translation>حذف المقاطع يحذف علاقاتها أيضًا. لا يتغير شيء حتى تضغط «موافق» في مخطط الوسوم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="671"/>
        <source>Delete the {spans}</source>
        <translation>احذف {spans}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="673"/>
        <source>Move them to another label…</source>
        <translation>انقلها إلى وسم آخر…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="695"/>
        <source>Move the spans of {name}</source>
        <translation>نقل مقاطع {name}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="696"/>
        <source>Move the spans to the label:</source>
        <translation>انقل المقاطع إلى الوسم:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="715"/>
        <source>Attributes of {name}</source>
        <translation>سمات {name}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="940"/>
        <source>Remove relation label</source>
        <translation>إزالة وسم العلاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="942"/>
        <source>1 relation</source>
        <translation>علاقة واحدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="942"/>
        <source>{count} relations</source>
        <translation>{count} علاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="944"/>
        <source>The relation label “{name}” is used by {relations}. Delete them with it?</source>
        <translation>وسم العلاقة «{name}» مستخدم في {relations}. أتحذفها معه؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="949"/>
        <source>Delete the {relations}</source>
        <translation>احذف {relations}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="974"/>
        <source>Span label {i} has no name.</source>
        <translation>وسم المقطع رقم {i} بلا اسم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="976"/>
        <source>Two span labels are called “{name}”.</source>
        <translation>يوجد وسمان للمقاطع باسم «{name}».</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="978"/>
        <source>number {i}</source>
        <translation>رقم {i}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="982"/>
        <source>The key of label {shown} must be one visible character.</source>
        <translation>مفتاح الوسم {shown} يجب أن يكون حرفًا مرئيًا واحدًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="986"/>
        <source>Labels {value} and {shown} both use the key “{key}”.</source>
        <translation>الوسمان {value} و{shown} يستخدمان كلاهما المفتاح «{key}».</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="993"/>
        <source>Label {shown} has no valid colour.</source>
        <translation>الوسم {shown} بلا لون صالح.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="996"/>
        <source>number {j}</source>
        <translation>رقم {j}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="998"/>
        <source>Attribute {j} of label {shown} has no name.</source>
        <translation>السمة {j} للوسم {shown} بلا اسم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="1001"/>
        <source>Label {shown} has two attributes called “{name}”.</source>
        <translation>للوسم {shown} سمتان باسم «{name}».</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="1007"/>
        <source>Attribute {attr_shown} of label {shown} is a choice with no values.</source>
        <translation>السمة {attr_shown} للوسم {shown} اختيارية بلا قيم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="1014"/>
        <source>The default “{default}” of attribute {attr_shown} of label {shown} is not one of its values.</source>
        <translation>القيمة الافتراضية «{default}» للسمة {attr_shown} في الوسم {shown} ليست من قيمها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="1020"/>
        <source>The default of attribute {attr_shown} of label {shown} must be true, false or empty.</source>
        <translation>القيمة الافتراضية للسمة {attr_shown} في الوسم {shown} يجب أن تكون true أو false أو فارغة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="1026"/>
        <source>Relation label {i} has no name.</source>
        <translation>وسم العلاقة رقم {i} بلا اسم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="1028"/>
        <source>Two relation labels are called “{name}”.</source>
        <translation>يوجد وسما علاقة باسم «{name}».</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/scheme_editor.py" line="1112"/>
        <source>The label scheme could not be saved; nothing was changed.

{exc}</source>
        <translation>تعذَّر حفظ مخطط الوسوم؛ لم يتغير شيء.

{exc}</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="54"/>
        <source>Search the project</source>
        <translation>البحث في المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="63"/>
        <source>Words to find (harakat and letter variants are ignored)</source>
        <translation>الكلمات المراد إيجادها (تُتجاهل الحركات وتنويعات الحروف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="73"/>
        <source>Word + clitics: a whole word, also after و ف ب ل ك ال and their combinations (روسيا finds the stem of لروسيا). Harakat and tatweel are always ignored, and أ إ آ ٱ, ى, ة match ا, ي, ه.</source>
        <translation>«كلمة + سوابق»: كلمة كاملة، وكذلك بعد و ف ب ل ك ال وتركيباتها (روسيا تجد جذع لروسيا). تُتجاهل الحركات والتطويل دائمًا، وتطابق أ إ آ ٱ، ى، ة الحروفَ ا، ي، ه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="79"/>
        <source>Fold ؤ ئ</source>
        <translation>توحيد ؤ ئ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="80"/>
        <source>Also fold hamza on waw and ya (ؤ matches و, ئ matches ي)</source>
        <translation>وحِّد أيضًا الهمزة على الواو والياء (ؤ تطابق و، ئ تطابق ي)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="81"/>
        <source>Only the current document</source>
        <translation>المستند الحالي فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="84"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="104"/>
        <source>Match:</source>
        <translation>المطابقة:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="116"/>
        <source>Double-click a hit (or press Enter) to open the document there.</source>
        <translation>انقر نقرًا مزدوجًا على نتيجة (أو اضغط Enter) لفتح المستند عندها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="168"/>
        <source>No hits in {documents_searched} document{value}.</source>
        <translation>لا نتائج في {documents_searched} مستندًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="171"/>
        <source>{hits} hit{value} in {docs} document{value2}</source>
        <translation>{hits} نتيجة في {docs} مستندًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="175"/>
        <source> (stopped at the first {hits}; make the search more precise)</source>
        <translation> (توقف عند أول {hits}؛ اجعل البحث أدق)</translation>
    </message>
</context>
<context>
    <name>SetStatus</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="202"/>
        <source>Mark done</source>
        <translation>تعليم كمنجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="204"/>
        <source>Mark {replace}</source>
        <translation>تعليم {replace}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="189"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="198"/>
        <source>{key}  (Alt+{key}: exact)</source>
        <translation>{key}  (Alt+{key}: كما هو تمامًا)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="199"/>
        <source>Tag as {name}</source>
        <translation>وسم كـ {name}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="204"/>
        <source>&apos;{upper}&apos; is a label key in this scheme: use Ctrl+{value}</source>
        <translation>‏&apos;{upper}&apos; مفتاح وسم في هذا المخطط: استخدم Ctrl+{value}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="211"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="211"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <location filename="../../annotator/ui/review_side_by_side.py" line="95"/>
        <source>Fewer than two annotators worked on this document.</source>
        <translation>عمل على هذا المستند أقل من معلِّقَين.</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="415"/>
        <source>Suggest quotes and entities</source>
        <translation>اقتراح الاقتباسات والكيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="437"/>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="439"/>
        <source>Accept {n} suggestions</source>
        <translation>قبول {n} اقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="449"/>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="451"/>
        <source>Reject {n} suggestions</source>
        <translation>رفض {n} اقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="469"/>
        <location filename="../../annotator/ui/suggestions_panel.py" line="509"/>
        <source>Reject all suggestions</source>
        <translation>رفض كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="484"/>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="502"/>
        <source>&amp;Suggest quotes and entities</source>
        <translation>ا&amp;قتراح الاقتباسات والكيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="505"/>
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="222"/>
        <source>Show in the text</source>
        <translation>عرض في النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="231"/>
        <source>Suggest</source>
        <translation>اقترح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="232"/>
        <source>Suggest quotes (with cue and speaker) and entities in this document</source>
        <translation>اقترح الاقتباسات (مع المؤشِّر والمتحدث) والكيانات في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="233"/>
        <source>Accept</source>
        <translation>اقبل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="234"/>
        <source>Accept the selected suggestions into your layer (Return)</source>
        <translation>اقبل الاقتراحات المحددة في طبقتك (Return)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="235"/>
        <source>Reject</source>
        <translation>ارفض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="236"/>
        <source>Reject the selected suggestions (Delete)</source>
        <translation>ارفض الاقتراحات المحددة (Delete)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="237"/>
        <source>Accept all</source>
        <translation>اقبل الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="238"/>
        <source>Reject all</source>
        <translation>ارفض الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="308"/>
        <source>No document</source>
        <translation>لا مستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="310"/>
        <source>No suggestions: press Suggest</source>
        <translation>لا اقتراحات: اضغط «اقترح»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="313"/>
        <source>{quotes} quotes, {entities} entities</source>
        <translation>{quotes} اقتباسًا، {entities} كيانًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="330"/>
        <source>(no speaker)</source>
        <translation>(بلا متحدث)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="344"/>
        <source>found by: {how}</source>
        <translation>وُجد بواسطة: {how}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="398"/>
        <location filename="../../annotator/ui/suggestions_panel.py" line="406"/>
        <source>Open a document first.</source>
        <translation>افتح مستندًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="419"/>
        <source>Suggested {quotes} quotes ({links} with a speaker) and {entities} entities.</source>
        <translation>اقتُرح {quotes} اقتباسًا ({links} منها بمتحدث) و{entities} كيانًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions_panel.py" line="430"/>
        <location filename="../../annotator/ui/suggestions_panel.py" line="445"/>
        <source>Pick suggestions in the list first.</source>
        <translation>اختر اقتراحات في القائمة أولًا.</translation>
    </message>
</context>
<context>
    <name>TaggingMixin</name>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="113"/>
        <source>This document has no spans yet.</source>
        <translation>لا مقاطع في هذا المستند بعد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="128"/>
        <source>Open a document first.</source>
        <translation>افتح مستندًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="180"/>
        <source>Select some text first, then press a label key (or click a label).</source>
        <translation>حدِّد نصًا أولًا، ثم اضغط مفتاح وسم (أو انقر على وسم).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="194"/>
        <source>Nothing to tag: the selection holds only spaces or punctuation.</source>
        <translation>لا شيء للوسم: التحديد لا يحوي إلا مسافات أو علامات ترقيم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="202"/>
        <source>This text is already tagged {label}.</source>
        <translation>هذا النص موسوم أصلًا بـ {label}.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="228"/>
        <source>Relabel {label} → {label2}</source>
        <translation>إعادة وسم {label} ← {label2}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="238"/>
        <source>Select a span first (click it, or Tab).</source>
        <translation>اختر مقطعًا أولًا (انقر عليه، أو Tab).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="255"/>
        <source>The span cannot get shorter than one character.</source>
        <translation>لا يمكن أن يصير المقطع أقصر من حرف واحد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="257"/>
        <source>At the end of the text.</source>
        <translation>عند نهاية النص.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="263"/>
        <source>Move {edge} of {label}</source>
        <translation>تحريك {edge} لـ {label}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="275"/>
        <source>A span needs 0 &lt;= start &lt; end &lt;= {n}.</source>
        <translation>المقطع يحتاج إلى 0 &lt;= start &lt; end &lt;= {n}.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="284"/>
        <source>Set offsets of {label}</source>
        <translation>ضبط مواضع {label}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="297"/>
        <source>Set {name} of {label}</source>
        <translation>ضبط {name} لـ {label}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="308"/>
        <source>Select a quote, claim or cue first, then link it (L).</source>
        <translation>اختر اقتباسًا أو ادعاءً أو مؤشِّرًا أولًا، ثم اربطه (L).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="316"/>
        <source>No span in this document can be linked to this {label} (see the label scheme).</source>
        <translation>لا مقطع في هذا المستند يمكن ربطه بـ {label} هذا (انظر مخطط الوسوم).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="345"/>
        <source>The scheme has no relation between {label} and {names} (or it exists already).</source>
        <translation>لا علاقة في المخطط بين {label} و{names} (أو أنها موجودة أصلًا).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tagging.py" line="357"/>
        <source>Pick a relation in the details panel first.</source>
        <translation>اختر علاقة في لوحة التفاصيل أولًا.</translation>
    </message>
</context>
<context>
    <name>_TaskDialog</name>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="146"/>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="167"/>
        <source>Done.</source>
        <translation>تم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="174"/>
        <source>Nothing done: {message}</source>
        <translation>لم يُنجز شيء: {message}</translation>
    </message>
</context>
<context>
    <name>agreement_view</name>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="61"/>
        <source>F1, exact match</source>
        <translation>F1، تطابق تام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="62"/>
        <source>F1, overlap match</source>
        <translation>F1، تطابق بالتداخل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="63"/>
        <source>Cohen&apos;s kappa (tokens)</source>
        <translation>كابا كوهين (الوحدات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="99"/>
        <source>mean of {n} pair{value}</source>
        <translation>متوسط {n} من الأزواج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="114"/>
        <source>{spans} span{value} in {pairs} pair{value2}</source>
        <translation>{spans} مقطعًا في {pairs} من الأزواج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="244"/>
        <source>Annotators compared: {join}.</source>
        <translation>المعلِّقون المقارَنون: {join}.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="245"/>
        <source>Documents: {documents_selected} selected; counted for every one of the {n} annotators: {documents} ({tokens} tokens, {characters} characters, {sum} spans). Fleiss&apos; kappa, Krippendorff&apos;s alpha and alpha_u rest on these.</source>
        <translation>المستندات: {documents_selected} محددة؛ محسوبة لكل واحد من المعلِّقين الـ{n}: {documents} ({tokens} وحدة، {characters} حرفًا، {sum} مقطعًا). عليها تستند كابا فلايس وألفا كريبندورف وalpha_u.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="256"/>
        <source>Documents counted per annotator: </source>
        <translation>المستندات المحسوبة لكل معلِّق: </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="259"/>
        <source>Each pair rests on the documents both count:</source>
        <translation>كل زوج يستند إلى المستندات التي يحسبها كلاهما:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="264"/>
        <source>  {reference} – {other}: {documents} documents, {tokens} tokens, {reference2} and {other2} spans</source>
        <translation>  {reference} – {other}: {documents} مستندًا، {tokens} وحدة، {reference2} و{other2} مقطعًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="278"/>
        <source>Missing annotations: {missing_policy}</source>
        <translation>التعليقات الناقصة: {missing_policy}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="282"/>
        <source>Exact match: {value}. Overlap match: {value2}.</source>
        <translation>التطابق التام: {value}. التطابق بالتداخل: {value2}.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="285"/>
        <source>Precision = matched / other&apos;s spans, recall = matched / reference&apos;s spans (the matrix row is the reference; F1 is the same either way).</source>
        <translation>الدقة = المتطابقة / مقاطع الآخر، الاستدعاء = المتطابقة / مقاطع المرجع (صف المصفوفة هو المرجع؛ وF1 واحدة في الحالتين).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="290"/>
        <source>Tokens: {TOKEN_RULE}</source>
        <translation>الوحدات: {TOKEN_RULE}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="291"/>
        <source>&quot;n/a&quot;: nothing to compare (no spans, or one category throughout).</source>
        <translation>«n/a»: لا شيء للمقارنة (لا مقاطع، أو فئة واحدة في كل المواضع).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="296"/>
        <source>Notes: </source>
        <translation>ملاحظات: </translation>
    </message>
</context>
<context>
    <name>assist_menus</name>
    <message>
        <location filename="../../annotator/ui/assist_menus.py" line="25"/>
        <source>&amp;Search the project…</source>
        <translation>ال&amp;بحث في المشروع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/assist_menus.py" line="33"/>
        <source>Tag &amp;all occurrences…</source>
        <translation>وسم &amp;كل المواضع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/assist_menus.py" line="37"/>
        <source>Tag all occurrences in every &amp;document…</source>
        <translation>وسم كل المواضع في كل &amp;مستند…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/assist_menus.py" line="41"/>
        <source>Use &amp;stem of the span (without و ف ب ل ك ال)</source>
        <translation>استخدم &amp;جذع المقطع (دون و ف ب ل ك ال)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/assist_menus.py" line="47"/>
        <source>&amp;Clitics when tagging a word</source>
        <translation>ال&amp;سوابق عند وسم كلمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/assist_menus.py" line="100"/>
        <source>That document is no longer in the project.</source>
        <translation>لم يعد ذلك المستند في المشروع.</translation>
    </message>
</context>
<context>
    <name>backups_dialog</name>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="295"/>
        <source>This project is not kept in a file; there is nothing to restore into.</source>
        <translation>هذا المشروع غير محفوظ في ملف؛ فلا شيء يُستعاد إليه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="311"/>
        <source>The backup was not restored.

{exc}</source>
        <translation>لم تُستعد النسخة الاحتياطية.

{exc}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="312"/>
        <source>Restore failed</source>
        <translation>فشلت الاستعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="320"/>
        <source>Restored the backup {name}; the project as it was is in {name2}.</source>
        <translation>استُعيدت النسخة الاحتياطية {name}؛ والمشروع كما كان موجود في {name2}.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/backups_dialog.py" line="332"/>
        <source>This project is not kept in a file; it has no backups.</source>
        <translation>هذا المشروع غير محفوظ في ملف؛ فلا نسخ احتياطية له.</translation>
    </message>
</context>
<context>
    <name>clitic_selection</name>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="38"/>
        <source>Off</source>
        <translation>معطَّل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="39"/>
        <source>Offer the stem</source>
        <translation>اعرض الجذع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/clitic_selection.py" line="40"/>
        <source>Tag the stem</source>
        <translation>وسم الجذع</translation>
    </message>
</context>
<context>
    <name>details_panel</name>
    <message>
        <location filename="../../annotator/ui/details_panel.py" line="37"/>
        <source>(unset)</source>
        <translation>(غير مضبوط)</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="33"/>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="35"/>
        <source>Who is annotating? Your spans are kept in a layer under this name
(reviewers compare layers by annotator). You can change it later in the File menu.</source>
        <translation>من يُعلِّق؟ تُحفظ مقاطعك في طبقة بهذا الاسم
(يقارن المراجعون الطبقات حسب المعلِّق). يمكنك تغييره لاحقًا من قائمة «ملف».</translation>
    </message>
</context>
<context>
    <name>document_list</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="32"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="33"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="34"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>export_dialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="66"/>
        <source>All layers (annotator names kept where the format can)</source>
        <translation>كل الطبقات (مع أسماء المعلِّقين حيث تسمح الصيغة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="67"/>
        <source>Gold (adjudicated layer)</source>
        <translation>الذهبية (الطبقة المحسومة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="69"/>
        <source>Arabic-aware (split at span edges: exact spans)</source>
        <translation>مراعٍ للعربية (تقسيم عند حدود المقاطع: مقاطع مطابقة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="70"/>
        <source>Whitespace words (spans widened to whole words)</source>
        <translation>كلمات بالمسافات (تتسع المقاطع إلى كلمات كاملة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="145"/>
        <source>Not representable in this format (counted, not written):</source>
        <translation>غير قابل للتمثيل في هذه الصيغة (محسوب، لم يُكتب):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="150"/>
        <source>Nothing was lost: every selected span, relation and attribute was written.</source>
        <translation>لم يضِع شيء: كُتب كل مقطع وعلاقة وسمة محددة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="156"/>
        <source>Summary written to {isolate}</source>
        <translation>كُتب الملخص في {isolate}</translation>
    </message>
</context>
<context>
    <name>find_bar</name>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="25"/>
        <source>Anywhere</source>
        <extracomment>(mode, text shown) of the &quot;Match&quot; choice; &quot;exact&quot; is the plain substring search of find_all</extracomment>
        <translation>في أي موضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="26"/>
        <source>Whole word</source>
        <translation>كلمة كاملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="27"/>
        <source>Word + clitics</source>
        <translation>كلمة + سوابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="28"/>
        <source>Exact characters</source>
        <translation>أحرف مطابقة تمامًا</translation>
    </message>
</context>
<context>
    <name>import_dialog</name>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Nothing was imported: the project is unchanged.</source>
        <translation>لم يُستورد شيء: المشروع لم يتغير.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="89"/>
        <source>Imported: {summary}</source>
        <translation>استُورد: {summary}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="92"/>
        <source>Notes:</source>
        <translation>ملاحظات:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="415"/>
        <source>Imported: {summary}{notes}</source>
        <translation>استُورد: {summary}{notes}</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <location filename="../../annotator/ui/language.py" line="79"/>
        <source>&amp;System default</source>
        <translation>لغة النظام ال&amp;افتراضية</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <location filename="../../annotator/ui/menus.py" line="28"/>
        <source>Annotator projects (*.db *.annotator.db);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.db *.annotator.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="62"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="65"/>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="71"/>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="75"/>
        <source>Open &amp;recent</source>
        <translation>فتح مشروع &amp;حديث</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="78"/>
        <source>Open the &amp;demo project</source>
        <translation>فتح المشروع ال&amp;تجريبي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="81"/>
        <source>&amp;Import text files…</source>
        <translation>ا&amp;ستيراد ملفات نصية…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="86"/>
        <source>Import &amp;annotations…</source>
        <translation>استيراد &amp;تعليقات توضيحية…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="91"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="94"/>
        <source>Annotator &amp;name…</source>
        <translation>ا&amp;سم المعلِّق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="97"/>
        <source>Restore &amp;backup…</source>
        <translation>استعادة &amp;نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="123"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="126"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="128"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="130"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="136"/>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="139"/>
        <source>Find &amp;next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="142"/>
        <source>Find &amp;previous</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="147"/>
        <source>&amp;Label scheme…</source>
        <translation>مخطط ال&amp;وسوم…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="150"/>
        <source>&amp;Annotate</source>
        <translation>&amp;توسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="151"/>
        <source>&amp;Tag selection as</source>
        <translation>&amp;وسم التحديد كـ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="155"/>
        <source>&amp;Delete span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="157"/>
        <source>&amp;Link…  (L)</source>
        <translation>&amp;ربط…  (L)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="159"/>
        <source>&amp;Remove relation</source>
        <translation>إ&amp;زالة العلاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="164"/>
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="166"/>
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="172"/>
        <source>Move end later</source>
        <translation>تأخير النهاية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="180"/>
        <source>Move end earlier</source>
        <translation>تقديم النهاية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="188"/>
        <source>Move start later</source>
        <translation>تأخير البداية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="196"/>
        <source>Move start earlier</source>
        <translation>تقديم البداية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="203"/>
        <source>Clear selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="207"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="210"/>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="216"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="221"/>
        <source>&amp;Normal size</source>
        <translation>الحجم ال&amp;عادي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="224"/>
        <source>&amp;Reload</source>
        <translation>إعادة ال&amp;تحميل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="237"/>
        <source>&amp;Go</source>
        <translation>ا&amp;نتقال</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="239"/>
        <source>&amp;Next document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="242"/>
        <source>&amp;Previous document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="245"/>
        <source>Mark document &amp;done</source>
        <translation>تعليم المستند كـ&amp;منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="250"/>
        <source>Next &amp;unfinished document  (N)</source>
        <translation>المستند غير المن&amp;جز التالي  (N)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="262"/>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="264"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="267"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="275"/>
        <source>&amp;About</source>
        <translation>&amp;حول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="279"/>
        <source>About {APP_TITLE}</source>
        <translation>حول {APP_TITLE}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="288"/>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="312"/>
        <source>The new language is used the next time the annotator starts.</source>
        <translation>تُستخدم اللغة الجديدة عند تشغيل المُعلِّم في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="313"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="329"/>
        <source>{APP_TITLE} {__version__}

A desktop annotator for Arabic news text: entities, quotes and claims, kept in an SQLite project file. Every change is saved at once and can be undone.</source>
        <translation>{APP_TITLE} {__version__}

مُعلِّم مكتبي لنصوص الأخبار العربية: الكيانات والاقتباسات والادعاءات، محفوظة في ملف مشروع SQLite. يُحفظ كل تغيير فورًا ويمكن التراجع عنه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="340"/>
        <source>No recent projects</source>
        <translation>لا مشاريع حديثة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="353"/>
        <source>{path}: the project file is no longer there.</source>
        <translation>{path}: لم يعد ملف المشروع موجودًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="362"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="376"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="423"/>
        <source>Import text files</source>
        <translation>استيراد ملفات نصية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="425"/>
        <source>Text files (*.txt *.text);;All files (*)</source>
        <translation>ملفات نصية (*.txt *.text);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>propagate_dialog</name>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="40"/>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="41"/>
        <source>Every document of the project</source>
        <translation>كل مستندات المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="305"/>
        <source>Select a tagged span first: its text and label are what gets propagated.</source>
        <translation>اختر مقطعًا موسومًا أولًا: نصه ووسمه هما ما يُنشر.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/propagate_dialog.py" line="313"/>
        <source>Only spans of your own layer can be propagated.</source>
        <translation>لا يمكن نشر إلا مقاطع طبقتك أنت.</translation>
    </message>
</context>
<context>
    <name>relation_picker</name>
    <message>
        <location filename="../../annotator/ui/relation_picker.py" line="162"/>
        <source>Link span</source>
        <translation>ربط المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/relation_picker.py" line="163"/>
        <source>Relation:</source>
        <translation>العلاقة:</translation>
    </message>
</context>
<context>
    <name>review_distribute</name>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="48"/>
        <source>Annotator projects (*.db *.annotator.db);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.db *.annotator.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="81"/>
        <source>Label scheme conflicts (their spans were not merged):</source>
        <translation>تعارضات مخطط الوسوم (لم تُدمج مقاطعها):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="86"/>
        <source>Spans added in all: {spans_added}</source>
        <translation>المقاطع المضافة إجمالًا: {spans_added}</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="395"/>
        <source>Package written</source>
        <translation>كُتبت الحزمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="412"/>
        <source>Merge report</source>
        <translation>تقرير الدمج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="431"/>
        <source>&amp;Package for annotator…</source>
        <translation>&amp;حزمة لمعلِّق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_distribute.py" line="434"/>
        <source>&amp;Merge annotator databases…</source>
        <translation>&amp;دمج قواعد بيانات المعلِّقين…</translation>
    </message>
</context>
<context>
    <name>review_mode</name>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="559"/>
        <source>&amp;Review mode (show every layer, edit gold)</source>
        <translation>وضع ال&amp;مراجعة (عرض كل الطبقات، تحرير الذهبية)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="565"/>
        <source>Layers &amp;overlaid</source>
        <translation>الطبقات &amp;متراكبة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="566"/>
        <source>Layers &amp;side by side</source>
        <translation>الطبقات &amp;جنبًا إلى جنب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="575"/>
        <source>&amp;Next open disagreement</source>
        <translation>الخلاف المفتوح ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="578"/>
        <source>&amp;Previous open disagreement</source>
        <translation>الخلاف المفتوح ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="583"/>
        <source>&amp;Accept</source>
        <translation>&amp;قبول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="586"/>
        <source>Re&amp;ject</source>
        <translation>ر&amp;فض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="589"/>
        <source>&amp;Take version of the selection</source>
        <translation>&amp;أخذ نسخة التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="593"/>
        <source>Accept all a&amp;greed</source>
        <translation>قبول كل المت&amp;فق عليه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="596"/>
        <source>Mark document a&amp;djudicated</source>
        <translation>تعليم المستند كـ&amp;محسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_mode.py" line="611"/>
        <source>A&amp;greement between annotators…</source>
        <translation>الا&amp;تفاق بين المعلِّقين…</translation>
    </message>
</context>
<context>
    <name>review_panel</name>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="73"/>
        <source>unreviewed</source>
        <translation>غير مراجَع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="74"/>
        <source>in review</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="75"/>
        <source>adjudicated</source>
        <translation>محسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="78"/>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="79"/>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="80"/>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="532"/>
        <location filename="../../annotator/ui/review_panel.py" line="551"/>
        <source>in gold</source>
        <translation>في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="560"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="561"/>
        <source>With disagreements</source>
        <translation>فيها خلافات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="562"/>
        <source>With open disagreements</source>
        <translation>فيها خلافات مفتوحة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_panel.py" line="563"/>
        <source>Not adjudicated yet</source>
        <translation>لم تُحسم بعد</translation>
    </message>
</context>
<context>
    <name>search_dialog</name>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="31"/>
        <source>Word + clitics</source>
        <translation>كلمة + سوابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="32"/>
        <source>Whole word</source>
        <translation>كلمة كاملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_dialog.py" line="33"/>
        <source>Anywhere (also inside words)</source>
        <translation>في أي موضع (حتى داخل الكلمات)</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="40"/>
        <source>Label key (1-9, letters)</source>
        <translation>مفتاح الوسم (1-9، حروف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="41"/>
        <source>Tag the selection with that label (snapped to whole characters, spaces and punctuation trimmed); with no text selected, give the selected span that label</source>
        <translation>وسم التحديد بذلك الوسم (مضبوطًا على حروف كاملة، مع حذف المسافات وعلامات الترقيم)؛ وإن لم يُحدَّد نص، فأعطِ المقطع المحدد ذلك الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="48"/>
        <source>Alt + label key</source>
        <translation>Alt + مفتاح الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="49"/>
        <source>Tag the exact selection (no snapping or trimming)</source>
        <translation>وسم التحديد كما هو تمامًا (دون ضبط أو حذف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="52"/>
        <source>Alt + click on a label button</source>
        <translation>Alt + نقر على زر وسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="53"/>
        <source>The same, with the mouse</source>
        <translation>الشيء نفسه، بالفأرة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="56"/>
        <source>Click on a span</source>
        <translation>نقر على مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="57"/>
        <source>Select it (click again: the span around it)</source>
        <translation>تحديده (انقر مجددًا: المقطع المحيط به)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="60"/>
        <source>Ctrl + click on a span</source>
        <translation>Ctrl + نقر على مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="61"/>
        <source>Link the selected span to it (asks which relation when several fit)</source>
        <translation>ربط المقطع المحدد به (يسأل عن العلاقة إذا صلحت عدة علاقات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="63"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="63"/>
        <source>Next / previous span</source>
        <translation>المقطع التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="65"/>
        <source>Delete or Backspace</source>
        <translation>Delete أو Backspace</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="66"/>
        <source>Delete the selected span (and its relations)</source>
        <translation>حذف المقطع المحدد (وعلاقاته)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="68"/>
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="68"/>
        <source>Clear the selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="70"/>
        <source>Ctrl+Shift+Left / Ctrl+Shift+Right</source>
        <translation>Ctrl+Shift+Left / Ctrl+Shift+Right</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="71"/>
        <source>Move the selected span&apos;s end one character later / earlier</source>
        <translation>تحريك نهاية المقطع المحدد حرفًا واحدًا إلى الأمام / الخلف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="74"/>
        <source>Alt+Shift+Left / Alt+Shift+Right</source>
        <translation>Alt+Shift+Left / Alt+Shift+Right</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="75"/>
        <source>Move the selected span&apos;s start one character later / earlier</source>
        <translation>تحريك بداية المقطع المحدد حرفًا واحدًا إلى الأمام / الخلف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="78"/>
        <source>L  or  Ctrl+L</source>
        <translation>L  أو  Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="79"/>
        <source>Link the selected span: pick the other end from a list (nearest first)</source>
        <translation>ربط المقطع المحدد: اختر الطرف الآخر من قائمة (الأقرب أولًا)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="82"/>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="83"/>
        <source>Undo (also changes made in another document: it is shown again)</source>
        <translation>تراجع (حتى عن التغييرات في مستند آخر: يُعرض مجددًا)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="85"/>
        <source>Ctrl+Shift+Z  or  Ctrl+Y</source>
        <translation>Ctrl+Shift+Z  أو  Ctrl+Y</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="85"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="87"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="88"/>
        <source>Mark the document done (again: back to in progress)</source>
        <translation>تعليم المستند كمنجز (مرة أخرى: يعود قيد العمل)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="91"/>
        <source>N  or  Ctrl+Enter</source>
        <translation>N  أو  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="92"/>
        <source>Go to the next unfinished document</source>
        <translation>الانتقال إلى المستند غير المنجز التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="95"/>
        <source>Ctrl+PgDown / Ctrl+PgUp</source>
        <translation>Ctrl+PgDown / Ctrl+PgUp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="96"/>
        <source>Next / previous document in the list</source>
        <translation>المستند التالي / السابق في القائمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="99"/>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="100"/>
        <source>Find in the text (Enter: next hit, Shift+Enter: previous, Escape: close)</source>
        <translation>البحث في النص (Enter: النتيجة التالية، Shift+Enter: السابقة، Escape: إغلاق)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="103"/>
        <source>Ctrl+= (Ctrl++) / Ctrl+- / Ctrl+0</source>
        <translation>Ctrl+= (Ctrl++) / Ctrl+- / Ctrl+0</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="104"/>
        <source>Larger / smaller / normal text</source>
        <translation>نص أكبر / أصغر / عادي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="107"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="108"/>
        <source>Reload the project (after changes made outside this window)</source>
        <translation>إعادة تحميل المشروع (بعد تغييرات من خارج هذه النافذة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="111"/>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="112"/>
        <source>Open a project (or drop a .db file on the window)</source>
        <translation>فتح مشروع (أو إفلات ملف .db على النافذة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="114"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="114"/>
        <source>This list</source>
        <translation>هذه القائمة</translation>
    </message>
</context>
</TS>
