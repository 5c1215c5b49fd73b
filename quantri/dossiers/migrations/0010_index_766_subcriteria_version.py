import datetime

from django.db import migrations

# A frozen copy of quantri/dossiers/index_766_2026.py (sources cited there): later versions
# are new rows, this migration never changes. Months before 1/7/2026 keep 766-2022.
CRITERIA = [
    {
        "group": "transparency",
        "label": "Transparency",
        "points": 18,
        "subcriteria": [
            {
                "key": "announced_on_time",
                "label": "Procedures announced on time",
                "numerator": "procedures_announced_on_time",
                "denominator": "procedures",
                "target": 1.0,
                "points": 4.5,
                "source": "QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)",
            },
            {
                "key": "published_on_time",
                "label": "Procedures published and updated on the portal on time",
                "numerator": "procedures_published_on_time",
                "denominator": "procedures",
                "target": 1.0,
                "points": 4.5,
                "source": "QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)",
            },
            {
                "key": "complete_content",
                "label": "Procedures published with complete content",
                "numerator": "procedures_complete",
                "denominator": "procedures",
                "target": 1.0,
                "points": 4.5,
                "source": "QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)",
            },
            {
                "key": "synchronised",
                "label": "Dossiers synchronised to the national portal",
                "numerator": "dossiers_synced",
                "denominator": "received",
                "target": 1.0,
                "points": 4.5,
                "source": "QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)",
            },
        ],
    },
    {
        "group": "progress",
        "label": "Processing progress",
        "points": 20,
        "subcriteria": [
            {
                "key": "on_time",
                "label": "Finished early or on time, or still within time",
                "numerator": "progress_ok",
                "denominator": "handled",
                "target": 1.0,
                "points": 20,
                "source": "QD766 Phụ lục, nhóm 2: (sớm + đúng hạn + đang trong hạn) ÷ hồ sơ xử lý",
            }
        ],
    },
    {
        "group": "online",
        "label": "Online services",
        "points": 12,
        "subcriteria": [
            {
                "key": "procedures_online",
                "label": "Procedures offering online service",
                "numerator": "procedures_online",
                "denominator": "procedures",
                "target": 0.8,
                "points": 6,
                "source": "DVC: full points at 80% (6 points: verify)",
            },
            {
                "key": "dossiers_online",
                "label": "Dossiers submitted online",
                "numerator": "online_received",
                "denominator": "received",
                "target": 0.5,
                "points": 6,
                "source": "DVC: full points at 50% (6 points: verify)",
            },
        ],
    },
    {
        "group": "digitisation",
        "label": "Digitisation",
        "points": 22,
        "subcriteria": [
            {
                "key": "results_electronic",
                "label": "Results issued electronically",
                "numerator": "results_electronic",
                "denominator": "processed",
                "target": 1.0,
                "points": 8,
                "source": "QD766 Phụ lục, nhóm 5; DVC (8 points: verify)",
            },
            {
                "key": "digitised",
                "label": "Dossiers digitised",
                "numerator": "digitised",
                "denominator": "received",
                "target": 1.0,
                "points": 8,
                "source": "QD766 Phụ lục, nhóm 5; DVC (8 points: verify)",
            },
            {
                "key": "data_reused",
                "label": "Digitised data reused",
                "numerator": "dossiers_data_reused",
                "denominator": "received",
                "target": 1.0,
                "points": 6,
                "source": "QD766 Phụ lục, nhóm 5; DVC (6 points: verify)",
            },
        ],
    },
    {
        "group": "payment",
        "label": "Online payment",
        "points": 10,
        "subcriteria": [
            {
                "key": "fee_procedures_integrated",
                "label": "Fee-bearing procedures integrated for online payment",
                "numerator": "fee_procedures_integrated",
                "denominator": "fee_procedures",
                "target": 1.0,
                "points": 5,
                "source": "QD766 Phụ lục, nhóm 4; DVC (5 points: verify)",
                "when_empty": "full",
            },
            {
                "key": "paid_online",
                "label": "Dossiers paid online ÷ dossiers of fee-bearing procedures",
                "numerator": "paid_online",
                "denominator": "processed_fee",
                "target": 0.5,
                "points": 5,
                "source": "DVC: denominator = dossiers of fee-bearing procedures (target "
                "50%, 5 points: verify)",
                "when_empty": "full",
            },
        ],
    },
    {
        "group": "satisfaction",
        "label": "Satisfaction",
        "points": 18,
        "subcriteria": [
            {
                "key": "citizens_rating",
                "label": "Citizens satisfied with the handling of their dossier",
                "numerator": "satisfied",
                "denominator": "rated",
                "target": 0.9,
                "points": 6,
                "source": "DVC: about 6 points, full at 90%",
            },
            {
                "key": "feedback_on_time",
                "label": "Feedback on procedures answered on time",
                "numerator": "feedback_on_time",
                "denominator": "feedback_answered",
                "target": 1.0,
                "points": 6,
                "source": "QD766 Phụ lục, nhóm 6; DVC (6 points: verify)",
            },
            {
                "key": "feedback_satisfied",
                "label": "Citizens satisfied with how their feedback was handled",
                "numerator": "feedback_satisfied",
                "denominator": "feedback_answered",
                "target": 0.9,
                "points": 6,
                "source": "QD766 Phụ lục, nhóm 6; DVC (6 points, target 90%: verify)",
            },
        ],
    },
]


def load(apps, schema_editor):
    IndexVersion = apps.get_model("dossiers", "IndexVersion")
    IndexVersion.objects.get_or_create(
        code="766-2026",
        defaults={
            "name": "Decision 766/QĐ-TTg — sub-criteria (from 07/2026)",
            "valid_from": datetime.date(2026, 7, 1),
            "criteria": CRITERIA,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0009_index_766_subcriteria_inputs")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
