using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndicatorFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Assisted",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Complaint",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Digitized",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ElectronicResult",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "FeeVnd",
                table: "Dossiers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "FinishKind",
                table: "Dossiers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PaidOnline",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReturnedOn",
                table: "Dossiers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReusedDocuments",
                table: "Dossiers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RoutedElectronically",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Assisted",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Complaint",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Digitized",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ElectronicResult",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "FeeVnd",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "FinishKind",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "PaidOnline",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Rating",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReturnedOn",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReusedDocuments",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "RoutedElectronically",
                table: "Dossiers");
        }
    }
}
