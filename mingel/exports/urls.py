from django.urls import path

from mingel.exports import views

urlpatterns = [
    path("", views.your_data, name="your_data"),
    path("export/contacts.vcf", views.export_vcard, name="export_vcard"),
    path("export/contacts.csv", views.export_csv, name="export_csv"),
    path("export/contacts-excel.csv", views.export_csv_excel, name="export_csv_excel"),
    path("export/archive.json", views.export_archive, name="export_archive"),
    path("restore/", views.archive_restore, name="archive_restore"),
    path("duplicates/", views.duplicates, name="duplicates"),
    path(
        "duplicates/<int:contact_id>/merge/<int:other_contact_id>/",
        views.contact_merge,
        name="contact_merge",
    ),
]
