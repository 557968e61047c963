import { Field, InputType, ObjectType } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { Role, User } from '../../server/identity/user.entity.js';

@InputType()
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@InputType({ description: 'A new staff account: BPBJ (by the platform admin), or PP, PPK, ASN (by BPBJ, for an OPD of its Pemda).' })
export class CreateUserInput {
  @Field()
  email!: string;

  @Field()
  password!: string;

  @Field()
  fullName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for BPBJ.' })
  pemdaId?: string;

  @Field(() => ID, { nullable: true, description: 'Required for PP, PPK and ASN.' })
  opdId?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field({ description: 'At least 8 characters, not a common password, without the email or name.' })
  newPassword!: string;
}

@ObjectType({ description: 'A password BPBJ hands to its officer once; stored only as a hash, never shown again.' })
export class TemporaryPassword {
  @Field()
  password!: string;

  @Field(() => User)
  user!: User;
}
